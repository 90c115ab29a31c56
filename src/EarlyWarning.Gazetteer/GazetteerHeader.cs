namespace EarlyWarning.Gazetteer;

/// <summary>Where the gazetteer's facts come from, and how far they can be trusted.</summary>
/// <param name="Title">What the file is.</param>
/// <param name="AsOf">The date up to which the district list is meant to be current.</param>
/// <param name="Sources">Where its facts come from, one source a line.</param>
/// <param name="Note">How precise it is, and what it leaves out.</param>
public sealed record GazetteerHeader(string Title, DateOnly AsOf, IReadOnlyList<string> Sources, string? Note);
