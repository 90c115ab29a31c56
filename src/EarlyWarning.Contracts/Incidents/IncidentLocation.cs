namespace EarlyWarning.Contracts.Incidents;

/// <summary>A location placed in the gazetteer: canonical ids and names, and the point to draw it at.</summary>
/// <param name="ProvinceId">The gazetteer's province id, e.g. <c>balochistan</c>.</param>
/// <param name="Province">The province's canonical name, e.g. <c>Balochistan</c>.</param>
/// <param name="DistrictId">The gazetteer's district id, e.g. <c>kech</c>.</param>
/// <param name="District">The district's canonical name, e.g. <c>Kech</c>.</param>
/// <param name="PlaceId">The gazetteer's place id when the place is known, e.g. <c>tump</c>.</param>
/// <param name="Place">The place's canonical name, or the name as reported when the gazetteer does not know it; null when none was given.</param>
/// <param name="Latitude">WGS 84 latitude: the reported coordinates, else the place's, else the district's centroid.</param>
/// <param name="Longitude">WGS 84 longitude, chosen like <paramref name="Latitude"/>.</param>
/// <param name="GeoPrecision">How precise the point is: <c>exact</c>, <c>near</c> or <c>region</c> (a district centroid).</param>
public sealed record IncidentLocation(
    string ProvinceId,
    string Province,
    string DistrictId,
    string District,
    string? PlaceId,
    string? Place,
    double Latitude,
    double Longitude,
    string GeoPrecision);
