using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Warnings.Tests.Http;

/// <summary>Warning snapshots to start from, shaped as the rules service shapes them; a test changes what it is about.</summary>
internal static class Warnings
{
    public static readonly DateTimeOffset FirstHeld = new(2026, 1, 30, 20, 5, 0, TimeSpan.Zero);

    public static WarningSnapshot Coordinated(string? id = null, string province = "balochistan", string severity = CapSeverity.Severe) => new(
        id ?? Guid.NewGuid().ToString("N"),
        "coordinated-attacks",
        "Coordinated attacks across districts",
        "spread",
        "hash",
        "province",
        province,
        province == "balochistan" ? "Balochistan" : "Khyber Pakhtunkhwa",
        province,
        WarningSnapshot.Open,
        severity,
        "Immediate",
        "Observed",
        "incident-1",
        FirstHeld,
        FirstHeld,
        null,
        [new WarningIncident("incident-1", FirstHeld, IncidentTypes.ArmedAssault, province, "kech", "Kech", 26.0, 63.0, 2)],
        4,
        ["kech", "gwadar", "quetta"],
        2,
        3,
        "4 attacks in 3 districts",
        null);

    public static WarningRaised Raised(WarningSnapshot warning) => new(warning, 1, DateTimeOffset.UtcNow, null);

    public static WarningUpdated Updated(WarningSnapshot warning, int version) => new(warning, version, ["severity"], DateTimeOffset.UtcNow, null);

    public static WarningResolved Resolved(WarningSnapshot warning, int version) =>
        new(warning with { Status = WarningSnapshot.Resolved, ResolvedAt = warning.LastHeldAt.AddHours(6) }, version, WarningResolved.ReasonQuiet, null, DateTimeOffset.UtcNow);
}
