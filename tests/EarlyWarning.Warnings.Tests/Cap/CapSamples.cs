using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Warnings.Cap;

namespace EarlyWarning.Warnings.Tests.Cap;

/// <summary>Warning versions as the rules service writes them, in Balochistan, for the writer's unit tests.</summary>
internal static class CapSamples
{
    public const string WarningId = "0f3c9a1b2d4e5f60718293a4b5c6d7e8";

    public static readonly DateTimeOffset Start = new(2026, 1, 30, 18, 50, 0, TimeSpan.Zero);

    public static readonly CapOptions Actual = new("urn:earlywarning:test", CapStatus.Actual, null);

    public static readonly CapOptions Exercise = Actual with { Status = CapStatus.Exercise };

    public static readonly Uri BaseUrl = new("http://127.0.0.1:5080");

    /// <summary>An incident at its district's centroid, the way an incident located only by district is placed.</summary>
    public static WarningIncident AtCentroid(string districtId, int minutes)
    {
        var district = Gazetteer.Gazetteer.Default.FindDistrictById(districtId)!;
        return new WarningIncident($"inc-{districtId}-{minutes}", Start.AddMinutes(minutes), IncidentTypes.ArmedAssault, district.ProvinceId, district.Id, district.Name, district.Centroid.Latitude, district.Centroid.Longitude, 2);
    }

    /// <summary>An incident placed at a site, away from its district's centroid.</summary>
    public static WarningIncident Placed(string districtId, int minutes)
    {
        var incident = AtCentroid(districtId, minutes);
        return incident with { Latitude = incident.Latitude + 0.05, Longitude = incident.Longitude - 0.05 };
    }

    public static WarningSnapshot Snapshot(params WarningIncident[] incidents) => new(
        WarningId,
        "coordinated-attacks",
        "Coordinated attacks across districts",
        "spread",
        "sha256:abc",
        "province",
        "balochistan",
        "Balochistan",
        "balochistan",
        WarningSnapshot.Open,
        CapSeverity.Severe,
        CapUrgency.Immediate,
        CapCertainty.Observed,
        incidents[0].IncidentId,
        incidents[0].OccurredAt,
        incidents[^1].OccurredAt,
        null,
        incidents,
        incidents.Length,
        incidents.Select(i => i.DistrictId).Distinct().Order(StringComparer.Ordinal).ToList(),
        incidents.Sum(i => i.Killed),
        incidents.Length,
        $"Coordinated attacks across districts — Balochistan: {incidents.Length} incidents",
        null);

    public static WarningSnapshot FourAttacks { get; } = Snapshot(AtCentroid("quetta", 0), Placed("kech", 40), AtCentroid("gwadar", 80), Placed("quetta", 120));

    public static WarningVersion Raised(WarningSnapshot? warning = null) =>
        WarningVersion.From(new WarningRaised(warning ?? FourAttacks, 1, Start.AddHours(2).AddTicks(1234), null))!;

    public static WarningVersion Updated(int version, params string[] changes) =>
        WarningVersion.From(new WarningUpdated(FourAttacks with { Severity = CapSeverity.Extreme }, version, changes, Start.AddHours(2 + version), null))!;

    public static WarningVersion Resolved(int version, string reason, string? supersededBy = null) =>
        WarningVersion.From(new WarningResolved(
            FourAttacks with { Status = WarningSnapshot.Resolved, ResolvedAt = Start.AddHours(14) }, version, reason, supersededBy, Start.AddHours(20 + version)))!;

    /// <summary>The document as it goes out: written, serialised to bytes.</summary>
    public static byte[] Bytes(WarningVersion message, IReadOnlyList<WarningVersion>? earlier = null, CapOptions? options = null) =>
        XmlOutput.ToUtf8(CapAlertWriter.Write(message, earlier ?? [], options ?? Actual, BaseUrl));
}
