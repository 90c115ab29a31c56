namespace EarlyWarning.Gazetteer;

internal sealed class PlaceDto
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? District { get; init; }

    public string? Kind { get; init; }

    public IReadOnlyList<string?>? Aliases { get; init; }

    public IReadOnlyList<string?>? SharedAliases { get; init; }

    public PointDto? Point { get; init; }

    public string? PointSource { get; init; }

    public string? Note { get; init; }
}
