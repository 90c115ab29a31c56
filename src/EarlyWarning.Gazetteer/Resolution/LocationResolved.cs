namespace EarlyWarning.Gazetteer;

/// <summary>The report's location was placed.</summary>
public sealed record LocationResolved(GazetteerLocation Location) : GazetteerResolution;
