namespace EarlyWarning.EventStore.Adapters;

/// <summary>
/// Turns an <see cref="EventFilter"/> into SQL once for every adapter: " AND (...)" clauses over the type and
/// stream columns, or "" for no filter. The adapter supplies only its prefix predicate, which also binds the
/// prefix as a parameter (never spliced into the text).
/// </summary>
public static class FilterSql
{
    /// <param name="filter">The filter, or null.</param>
    /// <param name="prefixPredicate">Given a column and a prefix, binds the prefix and returns the predicate.</param>
    public static string Build(EventFilter? filter, Func<string, string, string> prefixPredicate)
    {
        if (filter is null)
            return "";
        var sql = "";
        if (filter.EventTypePrefixes.Count > 0)
            sql += " AND (" + string.Join(" OR ", filter.EventTypePrefixes.Select(p => prefixPredicate("type", p))) + ")";
        if (filter.StreamPrefixes.Count > 0)
            sql += " AND (" + string.Join(" OR ", filter.StreamPrefixes.Select(p => prefixPredicate("stream", p))) + ")";
        return sql;
    }
}
