namespace EarlyWarning.Gazetteer;

/// <summary>A WGS 84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public override string ToString() => FormattableString.Invariant($"{Latitude:0.####}, {Longitude:0.####}");
}
