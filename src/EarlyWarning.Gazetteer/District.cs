namespace EarlyWarning.Gazetteer;

/// <summary>A district (admin level 2).</summary>
/// <param name="Id">Stable slug, unique among districts, e.g. <c>dera-ismail-khan</c>.</param>
/// <param name="Name">Its name as the gazetteer writes it.</param>
/// <param name="ProvinceId">Id of its <see cref="Province"/>.</param>
/// <param name="Centroid">A representative point, good to about 0.1–0.2°: for maps and proximity, not for boundaries.</param>
/// <param name="Aliases">Other names that mean this district and no other.</param>
/// <param name="SharedAliases">
/// Names this district shares with others, typically the name of the district it was split from
/// (<c>South Waziristan</c>): they identify it only together with a place, or not at all.
/// </param>
/// <param name="SvgMapId">Id of the shape in the npm package <c>@svg-maps/pakistan.districts</c> that draws it, or that contains it where the map predates the district.</param>
/// <param name="SvgMapNote">How the map's shape differs from the district, where it does.</param>
/// <param name="CentroidSource"><c>map-shape</c> (area centroid of the map's shape) or <c>representative-point</c> (placed by hand).</param>
/// <param name="Note">What a reader of the data should know about it (when it was created, from what).</param>
public sealed record District(
    string Id,
    string Name,
    string ProvinceId,
    GeoPoint Centroid,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> SharedAliases,
    string? SvgMapId,
    string? SvgMapNote,
    string CentroidSource,
    string? Note);
