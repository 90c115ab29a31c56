using Xunit;

namespace EarlyWarning.EventStore.Tests;

public sealed class EventIdsTests
{
    [Fact]
    public void new_ids_are_version_7_and_sort_by_creation_in_rfc_byte_order()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => { Thread.SpinWait(50); return EventIds.New(); }).ToList();

        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // The millisecond timestamp leads the big-endian bytes: ids from later milliseconds never sort earlier.
        var stamps = ids.Select(id => Convert.ToHexString(id.ToByteArray(bigEndian: true).AsSpan(0, 6))).ToList();
        Assert.Equal(stamps.Order(StringComparer.Ordinal), stamps);
    }
}
