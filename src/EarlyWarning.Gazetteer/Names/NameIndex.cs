namespace EarlyWarning.Gazetteer;

/// <summary>Entries of one kind (provinces, districts or places) by the keys of their names.</summary>
internal sealed class NameIndex<T>
    where T : class
{
    private readonly Dictionary<string, List<NameEntry<T>>> byKey = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, List<NameEntry<T>>>> Keys => byKey;

    /// <summary>Adds a name; an entry listed twice under one key keeps its strongest role.</summary>
    public void Add(T item, string text, NameRole role)
    {
        var key = NameKey.From(text);
        if (!byKey.TryGetValue(key.Value, out var entries))
        {
            entries = [];
            byKey.Add(key.Value, entries);
        }
        var existing = entries.FindIndex(e => ReferenceEquals(e.Item, item));
        if (existing < 0)
            entries.Add(new NameEntry<T>(item, role, text));
        else if (role < entries[existing].Role)
            entries[existing] = new NameEntry<T>(item, role, text);
    }

    public IReadOnlyList<NameEntry<T>> Find(NameKey key) =>
        !key.IsEmpty && byKey.TryGetValue(key.Value, out var entries) ? entries : [];
}
