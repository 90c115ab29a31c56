namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>What became of a row: <see cref="Mapped"/> or <see cref="Unmappable"/>, consumed with <c>switch</c>.</summary>
internal abstract record MappingResult
{
    // Closed hierarchy: only the two outcomes below derive from it.
    private protected MappingResult()
    {
    }
}
