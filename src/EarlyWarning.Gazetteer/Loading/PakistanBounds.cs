namespace EarlyWarning.Gazetteer;

/// <summary>
/// Pakistan's rough bounding box, generous by a few tenths of a degree; a point outside it is a
/// data error (typically swapped or mistyped coordinates), not a border case.
/// </summary>
internal static class PakistanBounds
{
    public const double MinLatitude = 23.5;
    public const double MaxLatitude = 37.2;
    public const double MinLongitude = 60.8;
    public const double MaxLongitude = 77.9;

    public static bool Contains(GeoPoint point) =>
        point.Latitude is >= MinLatitude and <= MaxLatitude
        && point.Longitude is >= MinLongitude and <= MaxLongitude;
}
