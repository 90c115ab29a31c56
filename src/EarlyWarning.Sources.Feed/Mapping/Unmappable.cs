namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>The row cannot become a report; <paramref name="Reason"/> says why, for a person.</summary>
internal sealed record Unmappable(string Reason) : MappingResult
{
    public override string ToString() => Reason;
}
