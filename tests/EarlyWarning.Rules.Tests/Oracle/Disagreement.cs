using System.Globalization;
using System.Text;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>Where two lists of warnings part, and, for a failing seed, the shortest input sequence that still shows it.</summary>
public static class Disagreement
{
    /// <summary>The first warning (by id, ordinal) in which <paramref name="actual"/> differs from <paramref name="expected"/>, or null.</summary>
    public static string? First(IReadOnlyList<ExpectedWarning> expected, IReadOnlyList<ExpectedWarning> actual)
    {
        var expectedById = expected.ToDictionary(w => w.Id, StringComparer.Ordinal);
        var actualById = actual.ToDictionary(w => w.Id, StringComparer.Ordinal);
        foreach (var id in expectedById.Keys.Union(actualById.Keys).Order(StringComparer.Ordinal))
        {
            var hasExpected = expectedById.TryGetValue(id, out var e);
            var hasActual = actualById.TryGetValue(id, out var a);
            if (!hasActual)
            {
                return $"missing warning (expected {expected.Count}, got {actual.Count}):\n  expected {e}";
            }

            if (!hasExpected)
            {
                return $"unexpected warning (expected {expected.Count}, got {actual.Count}):\n  got      {a}";
            }

            if (e!.FirstDifference(a!) is { } difference)
            {
                return $"warning differs in {difference}:\n  expected {e}\n  got      {a}";
            }
        }

        return null;
    }

    /// <summary>
    /// Removes inputs (halves, quarters, … then one at a time) for as long as <paramref name="fails"/> still holds, so a
    /// report names a handful of incidents instead of two hundred.
    /// </summary>
    public static List<(IncidentSummary Incident, DateTimeOffset RecordedAt)> Minimise(
        IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> inputs,
        Func<IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)>, bool> fails)
    {
        var current = inputs.ToList();
        for (var chunk = Math.Max(1, current.Count / 2); chunk >= 1; chunk /= 2)
        {
            var removedAny = true;
            while (removedAny)
            {
                removedAny = false;
                for (var start = 0; start < current.Count;)
                {
                    var candidate = current.Take(start).Concat(current.Skip(start + chunk)).ToList();
                    if (candidate.Count < current.Count && fails(candidate))
                    {
                        current = candidate;
                        removedAny = true;
                    }
                    else
                    {
                        start += chunk;
                    }
                }
            }
        }

        return current;
    }

    /// <summary>
    /// The first way a fresh engine fed <paramref name="inputs"/> disagrees with the oracle, or null: its warnings (but those
    /// resolved as superseded or withdrawn) against the episodes the documentation determines; every episode that ceased to
    /// exist along the way resolved as superseded or withdrawn; its events consistent; its frontier, watermark and too-late count.
    /// </summary>
    public static string? OfEngine(RuleSet ruleSet, IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> inputs, OracleResult? oracle = null, int? pruneEvery = null)
    {
        var expected = oracle ?? BruteForceEvaluator.Evaluate(ruleSet, inputs, history: true);
        var run = EngineRun.Feed(ruleSet, inputs, pruneEvery);
        if (First(expected.Determined, [.. run.Warnings.Where(w => !expected.Undetermined.Contains(w.Id))]) is { } difference)
        {
            return difference;
        }

        var known = run.Final.ToDictionary(w => w.Snapshot.WarningId, StringComparer.Ordinal);
        foreach (var id in expected.Retired.Where(id => !expected.Undetermined.Contains(id)).Order(StringComparer.Ordinal))
        {
            var reason = known.GetValueOrDefault(id)?.ResolutionReason;
            if (reason is not (WarningResolved.ReasonSuperseded or WarningResolved.ReasonWithdrawn))
            {
                return $"retired warning not resolved as superseded or withdrawn: {id} stood for an episode that later ceased to exist; " +
                    (known.ContainsKey(id) ? $"the engine has reason '{reason}'" : "the engine never raised it");
            }
        }

        if (run.Inconsistency() is { } inconsistency)
        {
            return $"events inconsistent: {inconsistency}";
        }

        return expected.Frontier == run.Engine.Frontier && expected.Watermark == run.Engine.Watermark && expected.TooLate == run.Engine.TooLate
            ? null
            : $"bookkeeping differs: frontier {run.Engine.Frontier:O}, watermark {run.Engine.Watermark:O}, too late {run.Engine.TooLate}; expected {expected.Frontier:O}, {expected.Watermark:O}, {expected.TooLate}";
    }

    /// <summary>The inputs minimised while the engine still shows the same kind of problem, and what both sides say about them.</summary>
    public static string Minimised(RuleSet ruleSet, IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> inputs)
    {
        var signature = Signature(Problem(ruleSet, inputs));
        var minimal = Minimise(inputs, candidate => Signature(Problem(ruleSet, candidate)) == signature);
        var expected = BruteForceEvaluator.Evaluate(ruleSet, minimal, history: true);
        return $"minimised to {minimal.Count} of {inputs.Count} inputs (rules: {string.Join(", ", ruleSet.Rules.Select(r => $"{r.Id} {r.Pattern}"))}, lateness {ruleSet.AllowedLateness}):\n" +
            Describe(minimal) +
            $"oracle: {string.Join("\n        ", expected.Warnings)}\n" +
            $"undetermined: {string.Join(", ", expected.Undetermined)}\n" +
            $"there: {Problem(ruleSet, minimal)}";
    }

    private static string? Problem(RuleSet ruleSet, IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> inputs)
    {
        try
        {
            return OfEngine(ruleSet, inputs) is { } problem ? $"{problem}\nengine: {string.Join("\n        ", EngineRun.Feed(ruleSet, inputs).Warnings)}" : null;
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            return $"engine throws: {e}";
        }
    }

    /// <summary>What kind of problem a description names ("missing warning", "warning differs in severity", …), so minimising keeps to one.</summary>
    private static string? Signature(string? problem) =>
        problem?[..(problem.IndexOfAny([':', '(']) is var end and >= 0 ? end : problem.Length)].Trim();

    /// <summary>The inputs one per line, enough to rebuild the case by hand.</summary>
    public static string Describe(IEnumerable<(IncidentSummary Incident, DateTimeOffset RecordedAt)> inputs)
    {
        var text = new StringBuilder();
        foreach (var (i, recordedAt) in inputs)
        {
            var c = i.Casualties;
            var withdrawn = i.Withdrawn ? " WITHDRAWN" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  recorded {recordedAt:O}: {i.IncidentId} occurred {i.OccurredAt:O} {i.Location.ProvinceId}/{i.Location.DistrictId} place={i.Location.PlaceId} ({i.Location.Latitude},{i.Location.Longitude} {i.Location.GeoPrecision}) {i.IncidentType} targets=[{string.Join(",", i.Targets)}] killed sf={c.SecurityForces?.Killed} civ={c.Civilians?.Killed} mil={c.Militants?.Killed} perp={i.Perpetrator} {i.ClaimStatus} rel={i.BestReliability}{withdrawn}");
        }

        return text.ToString();
    }
}
