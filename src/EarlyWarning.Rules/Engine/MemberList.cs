using System.Collections;
using System.Numerics;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// An episode's members in entry order: appended to, cut back, and read by prefix by the versions of its warning
/// (<see cref="WarningMembers"/>), each of which must keep reading what it held however the episode goes on. Held in
/// chunks of 64 behind a table of chunks. Appending writes only past every prefix handed out, so it changes nothing
/// anyone reads; cutting back makes a new table, sharing the whole chunks before the cut and copying the one it
/// falls in, so a cut costs a chunk and a table, not the members before it (a late report in a dense hour cuts
/// episodes of hundreds of members).
/// </summary>
internal sealed class MemberList : IReadOnlyList<Entry>
{
    private const int Shift = 6;
    private const int ChunkSize = 1 << Shift;
    private const int MinChunk = 4;

    private Entry[][] _chunks = [];

    public int Count { get; private set; }

    public Entry this[int index] => _chunks[index >> Shift][index & (ChunkSize - 1)];

    /// <summary>The first <paramref name="count"/> members as they are now, for good.</summary>
    public Prefix PrefixOf(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new Prefix(_chunks, count);
    }

    public void Add(Entry entry)
    {
        var chunk = Count >> Shift;
        var offset = Count & (ChunkSize - 1);
        if (chunk == _chunks.Length)
            Array.Resize(ref _chunks, Math.Max(2, _chunks.Length * 2));
        // A chunk starts small and doubles up to its size, as a list would: most episodes hold a few members. A
        // grown chunk is a copy that holds what the old one held, so a prefix reading through the table reads the same.
        if (_chunks[chunk] is null)
            _chunks[chunk] = new Entry[MinChunk];
        else if (offset == _chunks[chunk].Length)
            Array.Resize(ref _chunks[chunk], Math.Min(ChunkSize, offset * 2));
        _chunks[chunk][offset] = entry;
        Count++;
    }

    /// <summary>Keeps the first <paramref name="count"/> members; what was handed out before reads as it did.</summary>
    public void CutTo(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        if (count == Count)
            return;
        var chunks = new Entry[_chunks.Length][];
        var whole = count >> Shift;
        Array.Copy(_chunks, chunks, whole);
        var rest = count & (ChunkSize - 1);
        if (rest > 0)
        {
            chunks[whole] = new Entry[Math.Max(MinChunk, (int)BitOperations.RoundUpToPowerOf2((uint)rest))];
            Array.Copy(_chunks[whole], chunks[whole], rest);
        }
        _chunks = chunks;
        Count = count;
    }

    /// <summary>The index of <paramref name="entry"/> in entry order, or the complement of where it would go.</summary>
    public int BinarySearch(Entry entry)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = Entry.Compare(this[mid], entry);
            if (c == 0)
                return mid;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return ~lo;
    }

    public IEnumerator<Entry> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The first <see cref="Count"/> members of a list, as they were when taken.</summary>
    internal readonly struct Prefix(Entry[][] chunks, int count)
    {
        public int Count => count;

        public Entry this[int index] => chunks[index >> Shift][index & (ChunkSize - 1)];

        /// <summary>Whether both are the same members of the same list: nothing a reader sees can differ.</summary>
        public bool Is(Prefix other) => ReferenceEquals(chunks, other.Chunks) && count == other.Count;

        private Entry[][] Chunks => chunks;
    }
}
