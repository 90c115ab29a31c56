namespace EarlyWarning.Gazetteer;

/// <summary>A location placed in the gazetteer.</summary>
/// <param name="Province">The province or territory.</param>
/// <param name="District">The district.</param>
/// <param name="Place">The place below district level, when one was given and known.</param>
/// <param name="Point">Coordinates to use: the place's when it has some, else the district's centroid.</param>
/// <param name="PointSource">Which of the two <paramref name="Point"/> is.</param>
/// <param name="Match">How the district was identified.</param>
/// <param name="UnresolvedPlace">
/// A place name the report gave that the gazetteer does not know; the location stands at district level
/// and the name is kept so it is not lost.
/// </param>
public sealed record GazetteerLocation(
    Province Province,
    District District,
    Place? Place,
    GeoPoint Point,
    PointSource PointSource,
    GazetteerMatch Match,
    string? UnresolvedPlace = null)
{
    public override string ToString() =>
        Place is null ? $"{District.Name}, {Province.Name}" : $"{Place.Name}, {District.Name}, {Province.Name}";
}
