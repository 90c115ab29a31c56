namespace EarlyWarning.Rules.Engine;

/// <summary>One group of one rule: its entries in entry order, its live (unresolved) episodes, and trend bucket counts.</summary>
internal sealed class GroupState(string key, string name, string? provinceId)
{
    public string Key { get; } = key;

    public string Name { get; } = name;

    /// <summary>The province the group's warnings concern, or null for the whole country.</summary>
    public string? ProvinceId { get; } = provinceId;

    public List<Entry> Entries { get; } = [];

    /// <summary>A spread, threshold or sequence rule's window of one entry, counted (see <see cref="WindowTally"/>); null for other rules.</summary>
    public WindowTally? Tally { get; set; }

    /// <summary>Whether it admitted an entry since its rule last pruned it.</summary>
    public bool Touched { get; set; }

    /// <summary>Episodes not yet resolved, in order; every earlier one is resolved and can no longer change.</summary>
    public List<Episode> Live { get; set; } = [];

    public BucketCounts Buckets => _buckets ??= new BucketCounts();

    /// <summary>A trend's sums for its newest evaluated bucket, all but that bucket's own count.</summary>
    public TrendSums? Trend { get; set; }

    public bool HasBuckets => _buckets is not null && !_buckets.IsEmpty;

    private BucketCounts? _buckets;

    public bool IsAfterLast(Entry entry) => Entries.Count == 0 || Entry.Compare(Entries[^1], entry) < 0;

    public void Insert(Entry entry)
    {
        // Most incidents arrive in event-time order: they go at the end, with no search.
        if (Entries.Count == 0 || Entry.Compare(Entries[^1], entry) <= 0)
        {
            Entries.Add(entry);
            return;
        }
        var index = Entries.BinarySearch(entry, Entry.Order);
        index = index < 0 ? ~index : index;
        Entries.Insert(index, entry);
        MovedFrom(index);
    }

    public void Remove(Entry entry)
    {
        var index = Entries.BinarySearch(entry, Entry.Order);
        if (index >= 0 && ReferenceEquals(Entries[index], entry))
        {
            Entries.RemoveAt(index);
            MovedFrom(index);
        }
    }

    /// <summary>The entries from <paramref name="index"/> on moved: a tally of a window that reaches there is no window any more.</summary>
    private void MovedFrom(int index)
    {
        if (Tally is { } tally && index <= tally.Last)
            tally.Invalidate();
    }

    /// <summary>Drops the first <paramref name="count"/> entries (pruning).</summary>
    public void DropFirst(int count)
    {
        if (count == 0)
            return;
        Entries.RemoveRange(0, count);
        if (Tally is not { } tally)
            return;
        if (count <= tally.From)
            tally.Shift(count);
        else
            tally.Invalidate();
    }

    /// <summary>Index of the first entry at or after <paramref name="ticks"/>.</summary>
    public int FirstAtOrAfter(long ticks)
    {
        int lo = 0, hi = Entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Entries[mid].Ticks < ticks)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
