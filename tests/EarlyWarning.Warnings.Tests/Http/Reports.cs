using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Warnings.Tests.Http;

/// <summary>Valid incident reports to start from.</summary>
internal static class Reports
{
    public static readonly DateTimeOffset Attack = new(2026, 1, 30, 23, 40, 0, TimeSpan.Zero);

    public static IncidentReported Kech(string reportId = "kech-1", int killed = 2) => In(reportId, "Kech", "Tump", killed);

    public static IncidentReported In(string reportId, string district, string? place, int killed, DateTimeOffset? occurredAt = null) => new(
        "police-kech",
        reportId,
        "B",
        2,
        (occurredAt ?? Attack).AddHours(1),
        occurredAt ?? Attack,
        TimePrecision.Exact,
        new ReportedLocation("Balochistan", district, place),
        IncidentTypes.ArmedAssault,
        [Targets.SecurityForces],
        new Casualties(SecurityForces: new SideCasualties(killed, 3)),
        "BLA",
        ClaimStatus.Attributed,
        "Militants attacked a post.");
}
