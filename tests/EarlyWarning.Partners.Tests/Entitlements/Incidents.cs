using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Partners.Tests.Entitlements;

/// <summary>Decoded incident events to filter, placed where a test needs them.</summary>
internal static class Incidents
{
    public static readonly DateTimeOffset At = new(2026, 1, 30, 23, 40, 0, TimeSpan.Zero);

    public static IncidentLocation Location(string provinceId = "balochistan", double latitude = 26.0012, double longitude = 63.0485) =>
        new(provinceId, provinceId, "kech", "Kech", null, null, latitude, longitude, GeoPrecision.Exact);

    public static RecordedReport Report(IncidentLocation location) => new(
        "police-kech", "report-7", "B", 2, At.AddHours(1), At, TimePrecision.Exact, location, IncidentTypes.ArmedAssault,
        [Targets.SecurityForces], new Casualties(), "BLA", ClaimStatus.Attributed, "Militants attacked a post.");

    public static IncidentSummary Summary(IncidentLocation location) => new(
        "incident-1", At, TimePrecision.Exact, location, IncidentTypes.ArmedAssault, [Targets.SecurityForces], new Casualties(),
        "BLA", ClaimStatus.Attributed, ["police-kech"], "B", Withdrawn: false);

    public static IncidentRecorded Recorded(IncidentLocation? location = null)
    {
        var at = location ?? Location();
        return new IncidentRecorded("incident-1", Report(at), Summary(at));
    }
}
