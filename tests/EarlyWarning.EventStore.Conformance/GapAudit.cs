namespace EarlyWarning.EventStore.Conformance;

/// <summary>
/// What a subscriber must have seen: every written event exactly once, positions rising, each stream's
/// revisions in order without holes. Used on our store and on a deliberately naive reader, to show the
/// audit catches the late-commit gap.
/// </summary>
public static class GapAudit
{
    public readonly record struct Seen(Guid Id, string Stream, long Revision, long Position);

    public static IReadOnlyList<string> Verify(IReadOnlyCollection<Guid> written, IReadOnlyList<Seen> seen)
    {
        var problems = new List<string>();
        var counts = seen.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.Count());
        var missing = written.Where(id => !counts.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            problems.Add($"{missing.Count} written events never seen (first: {missing[0]})");
        var repeated = counts.Where(c => c.Value > 1).ToList();
        if (repeated.Count > 0)
            problems.Add($"{repeated.Count} events seen more than once (first: {repeated[0].Key})");
        var writtenSet = written.ToHashSet();
        var unexpected = counts.Keys.Count(id => !writtenSet.Contains(id));
        if (unexpected > 0)
            problems.Add($"{unexpected} events seen that were not written");

        for (var i = 1; i < seen.Count; i++)
        {
            if (seen[i].Position <= seen[i - 1].Position)
            {
                problems.Add($"position {seen[i].Position} came after {seen[i - 1].Position}");
                break;
            }
        }

        var next = new Dictionary<string, long>();
        foreach (var s in seen)
        {
            var expected = next.GetValueOrDefault(s.Stream, 0);
            if (s.Revision != expected)
            {
                problems.Add($"stream {s.Stream}: revision {s.Revision} seen where {expected} was due");
                break;
            }
            next[s.Stream] = expected + 1;
        }
        return problems;
    }
}
