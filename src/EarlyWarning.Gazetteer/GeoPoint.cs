namespace EarlyWarning.Gazetteer;

/// <summary>A WGS 84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKilometres = 6371.0088;

    public override string ToString() => FormattableString.Invariant($"{Latitude:0.####}, {Longitude:0.####}");

    /// <summary>The great-circle distance to <paramref name="other"/>, by the haversine formula.</summary>
    public double KilometresTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKilometres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
