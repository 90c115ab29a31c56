namespace EarlyWarning.Gazetteer;

/// <summary>A town, tehsil, valley or locality below district level that reports name.</summary>
/// <param name="Id">Stable slug, unique among places.</param>
/// <param name="Name">Its name as the gazetteer writes it.</param>
/// <param name="DistrictId">Id of the <see cref="District"/> it lies in.</param>
/// <param name="Kind">What it is: city, town, tehsil, valley, locality.</param>
/// <param name="Point">Its position, or null when no reliable one is known (its district's centroid is used instead).</param>
/// <param name="PointSource"><c>geonames</c> or <c>estimate</c>; null when there is no point.</param>
/// <param name="Aliases">Other spellings that mean this place and no other.</param>
/// <param name="SharedAliases">Names several places answer to; they identify it only with more context.</param>
/// <param name="Note">What a reader of the data should know about it.</param>
public sealed record Place(
    string Id,
    string Name,
    string DistrictId,
    string Kind,
    GeoPoint? Point,
    string? PointSource,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> SharedAliases,
    string? Note);
