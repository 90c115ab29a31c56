namespace EarlyWarning.Gazetteer;

internal sealed class DistrictDto
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Province { get; init; }

    public PointDto? Centroid { get; init; }

    public IReadOnlyList<string?>? Aliases { get; init; }

    public IReadOnlyList<string?>? SharedAliases { get; init; }

    public string? SvgMapId { get; init; }

    public string? SvgMapNote { get; init; }

    public string? CentroidSource { get; init; }

    public string? Note { get; init; }
}
