namespace EarlyWarning.Gazetteer.Tests;

/// <summary>
/// A province's rough bounding box, hard-coded here rather than read from the data so a centroid
/// typed into the wrong province (or with lat and lon swapped) fails a test.
/// </summary>
public sealed record ProvinceBox(string ProvinceId, double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    public static readonly IReadOnlyList<ProvinceBox> All =
    [
        new("balochistan", 24.8, 32.2, 60.8, 70.4),
        new("khyber-pakhtunkhwa", 31.0, 36.95, 69.2, 74.2),
        new("punjab", 27.7, 34.05, 69.3, 75.4),
        new("sindh", 23.6, 28.6, 66.6, 71.2),
        new("islamabad-capital-territory", 33.45, 33.85, 72.75, 73.45),
        new("gilgit-baltistan", 34.5, 37.1, 72.5, 77.9),
        new("azad-jammu-and-kashmir", 32.7, 35.15, 73.2, 75.0),
    ];

    public static ProvinceBox For(string provinceId) => All.Single(b => b.ProvinceId == provinceId);

    public bool Contains(GeoPoint point) =>
        point.Latitude >= MinLatitude && point.Latitude <= MaxLatitude
        && point.Longitude >= MinLongitude && point.Longitude <= MaxLongitude;
}
