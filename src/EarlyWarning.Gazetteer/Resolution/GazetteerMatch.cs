namespace EarlyWarning.Gazetteer;

/// <summary>How the district of a resolved location was identified.</summary>
public enum GazetteerMatch
{
    /// <summary>By the district's own name (up to case, diacritics, punctuation and noise words).</summary>
    Exact,

    /// <summary>By one of the district's aliases (e.g. "D.I. Khan", "Qila Abdullah", "Turbat").</summary>
    Alias,

    /// <summary>Through a place below district level (e.g. "Tump" gives Kech).</summary>
    Place,
}
