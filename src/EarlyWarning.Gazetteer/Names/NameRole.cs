namespace EarlyWarning.Gazetteer;

/// <summary>How an entry answers to a name.</summary>
internal enum NameRole
{
    /// <summary>Its own name.</summary>
    Name,

    /// <summary>An alias that means this entry and no other.</summary>
    Alias,

    /// <summary>An alias several entries answer to; it needs more context.</summary>
    Shared,
}
