namespace EarlyWarning.Dispatch.Configuration;

/// <summary>Unrolls escalation policies into the hops a warning goes through, so the dispatch never follows <c>Next</c> at run time.</summary>
public static class EscalationChains
{
    /// <summary>A policy's repeats are capped so a chain stays a short, finite list.</summary>
    public const int MaxRepeat = 20;

    /// <exception cref="ArgumentException">A <c>Next</c> names no recipient, or the chain comes back to a recipient it already passed.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<EscalationStep>> Of(IReadOnlyList<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var byName = recipients.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var chains = new Dictionary<string, IReadOnlyList<EscalationStep>>(StringComparer.Ordinal);
        foreach (var root in recipients.Where(r => r.Escalation is not null))
            chains[root.Name] = Unroll(root, byName);
        return chains;
    }

    private static List<EscalationStep> Unroll(Recipient root, Dictionary<string, Recipient> byName)
    {
        var levels = new List<Recipient> { root };
        for (var current = root; current.Escalation is { } policy; )
        {
            if (!byName.TryGetValue(policy.Next, out var next))
                throw new ArgumentException($"{DispatchOptions.Section}:Recipients: '{current.Name}' escalates to '{policy.Next}', which is not a configured recipient (known: {string.Join(", ", byName.Keys)}).");
            if (levels.Contains(next))
                throw new ArgumentException($"{DispatchOptions.Section}:Recipients: the escalation chain {string.Join(" → ", levels.Select(l => l.Name))} → {next.Name} is a cycle; a chain must end at a recipient without an escalation policy.");
            levels.Add(next);
            current = next;
        }

        var steps = new List<EscalationStep>();
        for (var k = 1; k < levels.Count; k++)
            steps.Add(new EscalationStep(levels[k - 1].Name, levels[k].Name, levels[k - 1].Escalation!.After));
        // Each repeat starts over from the root's Next after the root's delay, as the last level has none of its own.
        for (var r = 0; r < Math.Min(root.Escalation!.Repeat, MaxRepeat); r++)
        {
            steps.Add(new EscalationStep(levels[^1].Name, levels[1].Name, root.Escalation.After));
            for (var k = 2; k < levels.Count; k++)
                steps.Add(new EscalationStep(levels[k - 1].Name, levels[k].Name, levels[k - 1].Escalation!.After));
        }
        return steps;
    }
}
