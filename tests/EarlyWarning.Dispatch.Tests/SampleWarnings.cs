using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;

namespace EarlyWarning.Dispatch.Tests;

/// <summary>Warnings as the rules service writes them, each test with ids of its own.</summary>
public static class SampleWarnings
{
    public static string NewId() => "w" + Guid.NewGuid().ToString("N")[..12];

    public static WarningSnapshot Snapshot(
        string warningId,
        string? province = "balochistan",
        string severity = CapSeverity.Severe,
        string rule = "coordinated-attacks",
        WarningSuppression? suppression = null,
        string status = WarningSnapshot.Open,
        IReadOnlyList<WarningIncident>? incidents = null)
    {
        var at = new DateTimeOffset(2026, 1, 30, 22, 0, 0, TimeSpan.Zero);
        return new WarningSnapshot(
            warningId, rule, "Coordinated attacks across districts", "spread", "hash", province is null ? "all" : "province", province ?? "all",
            province ?? "Pakistan", province, status, severity, "Immediate", "Observed", "i1", at, at.AddHours(1),
            status == WarningSnapshot.Resolved ? at.AddHours(8) : null, incidents ?? [], 4, ["kech", "quetta"], 12, 4, "Attacks in 4 districts of Balochistan", suppression);
    }

    public static WarningRaised Raised(WarningSnapshot snapshot) => new(snapshot, 1, DateTimeOffset.UtcNow, null);

    public static WarningUpdated Updated(WarningSnapshot snapshot, int version) => new(snapshot, version, [$"version {version - 1} → {version}"], DateTimeOffset.UtcNow, null);

    public static WarningResolved Resolved(WarningSnapshot snapshot, int version) =>
        new(snapshot with { Status = WarningSnapshot.Resolved }, version, WarningResolved.ReasonQuiet, null, DateTimeOffset.UtcNow);
}
