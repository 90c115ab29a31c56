namespace EarlyWarning.Gazetteer;

internal sealed class HeaderDto
{
    public string? Title { get; init; }

    public string? AsOf { get; init; }

    public IReadOnlyList<string?>? Sources { get; init; }

    public string? Note { get; init; }
}
