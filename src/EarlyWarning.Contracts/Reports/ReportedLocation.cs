namespace EarlyWarning.Contracts.Reports;

/// <summary>A location as a source reports it (ACLED's admin1/admin2/location); ingest places it in the gazetteer.</summary>
/// <param name="Province">The province or territory (ACLED admin1), any common spelling: <c>Balochistan</c>, <c>Baluchistan</c>, <c>KP</c>. Optional when the district settles it.</param>
/// <param name="District">The district (ACLED admin2), e.g. <c>Kech</c>, <c>D.I. Khan</c>. Either a district or a place is required.</param>
/// <param name="Place">A town or locality below district level (ACLED location), e.g. <c>Tump</c>, or null.</param>
/// <param name="Latitude">WGS 84 latitude in decimal degrees, when the source gives coordinates; given together with <paramref name="Longitude"/>.</param>
/// <param name="Longitude">WGS 84 longitude in decimal degrees, when the source gives coordinates.</param>
/// <param name="GeoPrecision">How precise the coordinates are: <c>exact</c>, <c>near</c> or <c>region</c> (see <see cref="Vocabulary.GeoPrecision"/>); null without coordinates.</param>
public sealed record ReportedLocation(
    string? Province,
    string? District,
    string? Place,
    double? Latitude = null,
    double? Longitude = null,
    string? GeoPrecision = null);
