namespace EarlyWarning.Rules.Engine;

/// <summary>
/// One incident's entries in every rule: per rule, by its place in the rule set, the chain of the incident's entries
/// (one per group; only proximity has more than one). The engine keeps one map of these instead of a map per rule,
/// so an incident costs one lookup however many rules admit it, and an entry leaving its rule's window finds its
/// slot through <see cref="Entry.Slot"/> instead of hashing the incident's id again.
/// </summary>
/// <remarks>
/// An entry that pruning drops is only marked (<see cref="Release"/>), not unlinked from its chain: pruning drops
/// entries long after they came, when neither the slot's chains nor their other entries are in any cache, and an
/// incident is rarely seen again once its entries go. The few that are (a correction that moves an incident forward
/// in time) find their chains cut back to the entries still held when they are read (<see cref="Held"/>).
/// </remarks>
internal sealed class IncidentSlot(string incidentId, int rules)
{
    private Entry?[] _heads = new Entry?[rules];

    // Entries in the chains that pruning has not released.
    private int _held;

    public string IncidentId { get; } = incidentId;

    /// <summary>
    /// The occurred-at (UTC ticks) of the version of the incident that its entries are of, the last applied: every
    /// chain is replaced whole when a version is applied, and a slot in the engine's map holds an entry. Read only
    /// when a later version comes, so it is found rather than kept.
    /// </summary>
    public long VersionTicks
    {
        get
        {
            foreach (var head in _heads)
            {
                if (head is not null)
                    return head.Ticks;
            }
            return long.MaxValue;
        }
    }

    /// <summary>Whether no rule holds an entry of the incident any more.</summary>
    public bool IsEmpty => _held == 0;

    /// <summary>The chain of rule <paramref name="rule"/>'s entries still held, released ones cut out of it now.</summary>
    public Entry? Held(int rule)
    {
        Entry? head = _heads[rule], previous = null;
        for (var entry = head; entry is not null; entry = entry.Next)
        {
            if (!entry.Released)
                previous = entry;
            else if (previous is null)
                head = entry.Next;
            else
                previous.Next = entry.Next;
        }
        return _heads[rule] = head;
    }

    /// <summary>Sets rule <paramref name="rule"/>'s chain to <paramref name="head"/>, whose entries are all held.</summary>
    public void Set(int rule, Entry? head)
    {
        for (var entry = _heads[rule]; entry is not null; entry = entry.Next)
        {
            if (!entry.Released)
                _held--;
        }
        _heads[rule] = head;
        for (var entry = head; entry is not null; entry = entry.Next)
        {
            entry.Slot = this;
            _held++;
        }
    }

    /// <summary>Marks <paramref name="entry"/>, one of the slot's, as dropped by pruning; true when it was the last held.</summary>
    public bool Release(Entry entry)
    {
        entry.Released = true;
        return --_held == 0;
    }

    /// <summary>
    /// Lets the incident's entries go: the version they are of lies before the watermark, and a new version moved the
    /// incident from there (docs/rules.md, "Moved out of the past"). Each rule has already taken them out of what can
    /// still change (<see cref="RuleRuntime.LeaveBehind"/>); one that stays in its group is pruned as any other entry,
    /// without a slot to release.
    /// </summary>
    public void LeaveBehind()
    {
        foreach (var head in _heads)
        {
            for (var entry = head; entry is not null; entry = entry.Next)
                entry.Slot = null;
        }
        Array.Clear(_heads);
        _held = 0;
    }

    /// <summary>Re-indexes the heads for a new rule set: <paramref name="from"/>[i] is where rule i was, or −1 for a new rule.</summary>
    public void Reindex(int[] from)
    {
        var old = _heads;
        _heads = new Entry?[from.Length];
        _held = 0;
        for (var i = 0; i < from.Length; i++)
        {
            if (from[i] < 0)
                continue;
            _heads[i] = old[from[i]];
            for (var entry = Held(i); entry is not null; entry = entry.Next)
                _held++;
        }
    }
}
