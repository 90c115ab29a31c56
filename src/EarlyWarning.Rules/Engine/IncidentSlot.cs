namespace EarlyWarning.Rules.Engine;

/// <summary>
/// One incident's entries in every rule: per rule, by its place in the rule set, the chain of the incident's entries
/// (one per group; only proximity has more than one). The engine keeps one map of these instead of a map per rule,
/// so an incident costs one lookup however many rules admit it, and an entry leaving its rule's window finds its
/// slot through <see cref="Entry.Slot"/> instead of hashing the incident's id again.
/// </summary>
internal sealed class IncidentSlot(string incidentId, int rules)
{
    private int _held;

    public string IncidentId { get; } = incidentId;

    public Entry?[] Heads { get; private set; } = new Entry?[rules];

    /// <summary>Whether no rule holds an entry of the incident any more.</summary>
    public bool IsEmpty => _held == 0;

    public void Set(int rule, Entry? head)
    {
        var old = Heads[rule];
        if (old is null && head is not null)
            _held++;
        else if (old is not null && head is null)
            _held--;
        Heads[rule] = head;
        for (var entry = head; entry is not null; entry = entry.Next)
            entry.Slot = this;
    }

    /// <summary>Re-indexes the heads for a new rule set: <paramref name="from"/>[i] is where rule i was, or −1 for a new rule.</summary>
    public void Reindex(int[] from)
    {
        var old = Heads;
        Heads = new Entry?[from.Length];
        _held = 0;
        for (var i = 0; i < from.Length; i++)
        {
            if (from[i] >= 0)
                Set(i, old[from[i]]);
        }
    }
}
