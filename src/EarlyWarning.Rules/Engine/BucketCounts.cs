namespace EarlyWarning.Rules.Engine;

/// <summary>
/// Incident counts per trend bucket, in a ring indexed by bucket number: a 360-day baseline is summed from an
/// array, not looked up 360 times in a dictionary. A slot still holding a count is never overwritten; the ring
/// grows instead, so a long open episode can always be re-evaluated.
/// </summary>
internal sealed class BucketCounts
{
    private long[] _keys;
    private int[] _counts;

    public BucketCounts(int capacity = 512)
    {
        var size = 1;
        while (size < capacity)
            size <<= 1;
        _keys = new long[size];
        _counts = new int[size];
        Array.Fill(_keys, long.MinValue);
    }

    public bool IsEmpty => Array.TrueForAll(_counts, c => c == 0);

    public int this[long bucket]
    {
        get
        {
            var i = (int)(bucket & (_keys.Length - 1));
            return _keys[i] == bucket ? _counts[i] : 0;
        }
    }

    public void Add(long bucket, int delta)
    {
        var i = (int)(bucket & (_keys.Length - 1));
        if (_keys[i] != bucket)
        {
            if (_counts[i] != 0)
            {
                Grow();
                Add(bucket, delta);
                return;
            }
            _keys[i] = bucket;
        }
        _counts[i] += delta;
    }

    public int Sum(long from, long to)
    {
        var sum = 0;
        for (var k = from; k <= to; k++)
            sum += this[k];
        return sum;
    }

    /// <summary>Forgets every bucket before <paramref name="bucket"/>.</summary>
    public void DropBefore(long bucket)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] < bucket)
                _counts[i] = 0;
        }
    }

    private void Grow()
    {
        var (keys, counts) = (_keys, _counts);
        _keys = new long[keys.Length * 2];
        _counts = new int[keys.Length * 2];
        Array.Fill(_keys, long.MinValue);
        for (var i = 0; i < keys.Length; i++)
        {
            if (counts[i] != 0)
                Add(keys[i], counts[i]);
        }
    }
}
