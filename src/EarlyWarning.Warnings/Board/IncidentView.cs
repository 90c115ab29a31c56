using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Warnings.Board;

/// <summary>An incident as the dashboard places it: where, what, how bad, and when the system first knew.</summary>
/// <param name="IncidentId">The incident; its stream is <c>incident-{IncidentId}</c>.</param>
/// <param name="OccurredAt">When it happened (event time).</param>
/// <param name="RecordedAt">When the store first recorded the incident.</param>
/// <param name="IncidentType">Its type, from the incident vocabulary.</param>
/// <param name="ProvinceId">Gazetteer id of its province.</param>
/// <param name="Province">Its province's name.</param>
/// <param name="DistrictId">Gazetteer id of its district.</param>
/// <param name="District">Its district's name.</param>
/// <param name="Latitude">WGS 84 latitude of the best point known.</param>
/// <param name="Longitude">WGS 84 longitude of the best point known.</param>
/// <param name="GeoPrecision"><c>exact</c>, <c>near</c> or <c>region</c> (a district centroid).</param>
/// <param name="Killed">Killed on all sides, as consolidated; null when no side reported a figure.</param>
/// <param name="Injured">Injured on all sides, likewise.</param>
/// <param name="Perpetrator">The group named by the most reliable report that names one.</param>
/// <param name="ClaimStatus"><c>claimed</c>, <c>attributed</c> or <c>unknown</c>.</param>
/// <param name="Withdrawn">Every report was retracted: the map no longer shows it.</param>
public sealed record IncidentView(
    string IncidentId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string IncidentType,
    string ProvinceId,
    string Province,
    string DistrictId,
    string District,
    double Latitude,
    double Longitude,
    string GeoPrecision,
    int? Killed,
    int? Injured,
    string? Perpetrator,
    string ClaimStatus,
    bool Withdrawn)
{
    public static IncidentView From(IncidentSummary incident, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var location = incident.Location;
        var sides = new[] { incident.Casualties.SecurityForces, incident.Casualties.Civilians, incident.Casualties.Militants };
        return new IncidentView(
            incident.IncidentId, incident.OccurredAt, recordedAt, incident.IncidentType,
            location.ProvinceId, location.Province, location.DistrictId, location.District,
            location.Latitude, location.Longitude, location.GeoPrecision,
            Sum(sides, s => s.Killed), Sum(sides, s => s.Injured),
            incident.Perpetrator, incident.ClaimStatus, incident.Withdrawn);
    }

    private static int? Sum(SideCasualties?[] sides, Func<SideCasualties, int?> figure)
    {
        var reported = sides.Where(s => s is not null).Select(s => figure(s!)).Where(v => v is not null).ToList();
        return reported.Count == 0 ? null : reported.Sum(v => v!.Value);
    }
}
