namespace EarlyWarning.Contracts.Warnings;

/// <summary>One incident a warning rests on, with what a recipient needs to place it without another lookup.</summary>
/// <param name="IncidentId">The incident; its stream is <c>incident-{IncidentId}</c>.</param>
/// <param name="OccurredAt">When it happened (event time).</param>
/// <param name="IncidentType">Its type, from <see cref="Vocabulary.IncidentTypes"/>.</param>
/// <param name="ProvinceId">Gazetteer id of its province.</param>
/// <param name="DistrictId">Gazetteer id of its district.</param>
/// <param name="District">Its district's name.</param>
/// <param name="Latitude">Latitude of the incident, or of its district's centroid when no better is known.</param>
/// <param name="Longitude">Longitude, likewise.</param>
/// <param name="Killed">Killed on all sides, as consolidated now.</param>
public sealed record WarningIncident(
    string IncidentId,
    DateTimeOffset OccurredAt,
    string IncidentType,
    string ProvinceId,
    string DistrictId,
    string District,
    double Latitude,
    double Longitude,
    int Killed);
