using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Ingest.Tests;

/// <summary>Valid reports to start from; a test changes only what it is about.</summary>
internal static class Reports
{
    public static readonly DateTimeOffset Attack = new(2026, 1, 30, 23, 40, 0, TimeSpan.Zero);

    public static IncidentReported Tump(string sourceId = "police-kech", string? reportId = null, string reliability = "B", DateTimeOffset? occurredAt = null) => new(
        sourceId,
        reportId ?? "R-" + Guid.NewGuid().ToString("N")[..10],
        reliability,
        2,
        Attack.AddHours(1),
        occurredAt ?? Attack,
        TimePrecision.Exact,
        new ReportedLocation("Baluchistan", "Kech", "Tump"),
        IncidentTypes.ArmedAssault,
        [Targets.SecurityForces],
        new Casualties(SecurityForces: new SideCasualties(2, 3)),
        "BLA",
        ClaimStatus.Attributed,
        "Militants attacked a Frontier Corps post.");

    public static IncidentReported In(string district, string? place = null, string? province = "Balochistan", string sourceId = "police", DateTimeOffset? occurredAt = null, string type = IncidentTypes.ArmedAssault) =>
        Tump(sourceId, occurredAt: occurredAt) with
        {
            Location = new ReportedLocation(province, district, place),
            IncidentType = type,
            ReportedAt = (occurredAt ?? Attack).AddHours(1),
        };
}
