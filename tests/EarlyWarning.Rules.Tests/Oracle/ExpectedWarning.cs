using System.Globalization;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>
/// The fields of a warning that docs/rules.md "Semantics" determines, in a form both the oracle and the engine's snapshots
/// project to. <see cref="IncidentIds"/> are the listed ones (the first <see cref="WarningSnapshot.MaxListedIncidents"/>).
/// </summary>
public sealed record ExpectedWarning(
    string Id,
    string RuleId,
    string GroupKey,
    string Status,
    string Severity,
    string FirstIncidentId,
    DateTimeOffset FirstHeldAt,
    DateTimeOffset LastHeldAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<string> IncidentIds,
    int IncidentCount,
    IReadOnlyList<string> DistrictIds,
    int Killed,
    double Measure)
{
    public const double MeasureTolerance = 1e-9;

    public static ExpectedWarning From(WarningSnapshot snapshot) => new(
        snapshot.WarningId,
        snapshot.RuleId,
        snapshot.GroupKey,
        snapshot.Status,
        snapshot.Severity,
        snapshot.FirstIncidentId,
        snapshot.FirstHeldAt,
        snapshot.LastHeldAt,
        snapshot.ResolvedAt,
        [.. snapshot.Incidents.Select(i => i.IncidentId)],
        snapshot.IncidentCount,
        snapshot.DistrictIds,
        snapshot.Killed,
        snapshot.Measure);

    /// <summary>The first field in which <paramref name="other"/> (actual) differs from this (expected), or null when they agree (measures within <see cref="MeasureTolerance"/>).</summary>
    public string? FirstDifference(ExpectedWarning other)
    {
        if (Id != other.Id) return Field("id", Id, other.Id);
        if (RuleId != other.RuleId) return Field("ruleId", RuleId, other.RuleId);
        if (GroupKey != other.GroupKey) return Field("groupKey", GroupKey, other.GroupKey);
        if (Status != other.Status) return Field("status", Status, other.Status);
        if (Severity != other.Severity) return Field("severity", Severity, other.Severity);
        if (FirstIncidentId != other.FirstIncidentId) return Field("firstIncidentId", FirstIncidentId, other.FirstIncidentId);
        if (FirstHeldAt != other.FirstHeldAt) return Field("firstHeldAt", FirstHeldAt, other.FirstHeldAt);
        if (LastHeldAt != other.LastHeldAt) return Field("lastHeldAt", LastHeldAt, other.LastHeldAt);
        if (ResolvedAt != other.ResolvedAt) return Field("resolvedAt", ResolvedAt, other.ResolvedAt);
        if (!IncidentIds.SequenceEqual(other.IncidentIds, StringComparer.Ordinal)) return Field("incidents", string.Join(",", IncidentIds), string.Join(",", other.IncidentIds));
        if (IncidentCount != other.IncidentCount) return Field("incidentCount", IncidentCount, other.IncidentCount);
        if (!DistrictIds.SequenceEqual(other.DistrictIds, StringComparer.Ordinal)) return Field("districtIds", string.Join(",", DistrictIds), string.Join(",", other.DistrictIds));
        if (Killed != other.Killed) return Field("killed", Killed, other.Killed);
        if (!MeasuresAgree(Measure, other.Measure)) return Field("measure", Measure.ToString("R", CultureInfo.InvariantCulture), other.Measure.ToString("R", CultureInfo.InvariantCulture));
        return null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Id} rule={RuleId} group={GroupKey} {Status} {Severity} first={FirstIncidentId} held={FirstHeldAt:O}..{LastHeldAt:O} resolvedAt={ResolvedAt:O} " +
        $"incidents={IncidentCount}:[{string.Join(",", IncidentIds)}] districts=[{string.Join(",", DistrictIds)}] killed={Killed} measure={Measure:R}");

    private static bool MeasuresAgree(double a, double b) =>
        a.Equals(b) || Math.Abs(a - b) <= MeasureTolerance;

    private static string Field(string name, object? expected, object? actual) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: expected {expected}, actual {actual}");
}
