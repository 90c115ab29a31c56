namespace EarlyWarning.Gazetteer;

internal sealed class PointDto
{
    public double? Lat { get; init; }

    public double? Lon { get; init; }
}
