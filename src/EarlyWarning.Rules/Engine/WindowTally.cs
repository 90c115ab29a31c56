using System.Runtime.InteropServices;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// The window of one entry of a spread, threshold or sequence group, counted: where it starts, how many of the
/// entries it counts hold each distinct value, and their killed (a sequence counts its firsts only). The next
/// entry's window is this one with that entry added and the entries it leaves behind taken out, so an incident
/// appended in order costs its own entry, not the whole window again. Windows look back only: appending later entries leaves it exact; anything that moves the entries before
/// <see cref="Last"/> drops it (<see cref="GroupState"/>).
/// </summary>
internal sealed class WindowTally
{
    // A value whose count falls to zero keeps its key, so the entry that leaves and the next one of the same district
    // hash once each, not a removal and a re-insertion besides; keys of zero go in a sweep when they outnumber the rest.
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _distinct;

    // Zero keys kept beyond this many, and beyond the values counted, are swept.
    private const int KeptZeros = 64;

    // What Last holds while the tally is no entry's window: no index, nor one less than an index.
    private const int None = int.MinValue;

    /// <summary>The index of the entry whose window it is.</summary>
    public int Last { get; set; } = None;

    /// <summary>The index of the window's first entry.</summary>
    public int From { get; set; }

    /// <summary>The entries counted: every entry of the window for spread and threshold, its firsts for sequence.</summary>
    public int Count { get; private set; }

    public int Killed { get; private set; }

    public int Distinct => _distinct;

    /// <summary>The values the tally holds a key for, counted or not: what its memory follows.</summary>
    internal int KeysHeld => _counts.Count;

    /// <summary>Whether a counted entry has <paramref name="value"/>.</summary>
    public bool Holds(string value) => _counts.GetValueOrDefault(value) > 0;

    public void Add(string? value, int killed)
    {
        Count++;
        Killed += killed;
        if (value is not null && CollectionsMarshal.GetValueRefOrAddDefault(_counts, value, out _)++ == 0)
            _distinct++;
    }

    public void Remove(string? value, int killed)
    {
        Count--;
        Killed -= killed;
        if (value is null)
            return;
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(_counts, value);
        if (--count > 0)
            return;
        _distinct--;
        if (_counts.Count > (2 * _distinct) + KeptZeros)
            SweepZeros();
    }

    private void SweepZeros()
    {
        foreach (var (value, count) in _counts)
        {
            // Removing while enumerating is allowed for a Dictionary, and only the removed entry changes.
            if (count == 0)
                _counts.Remove(value);
        }
    }

    /// <summary>
    /// Starts over with an empty window from <paramref name="from"/>, no entry's until <see cref="Last"/> is set; the
    /// tally is kept for the group's life, not made anew.
    /// </summary>
    public void Reset(int from)
    {
        Last = None;
        _counts.Clear();
        _distinct = 0;
        Count = 0;
        Killed = 0;
        From = from;
    }

    /// <summary>Says it is no entry's window any more (its entries moved).</summary>
    public void Invalidate() => Last = None;

    /// <summary>The entries dropped before the window moved the indices down by <paramref name="dropped"/>.</summary>
    public void Shift(int dropped)
    {
        if (Last == None)
            return;
        Last -= dropped;
        From -= dropped;
    }
}
