namespace EarlyWarning.Gazetteer;

internal sealed class ProvinceDto
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? IsoCode { get; init; }

    public IReadOnlyList<string?>? Aliases { get; init; }

    public string? Note { get; init; }
}
