using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;

namespace EarlyWarning.Partners.Feed;

/// <summary>Reads <c>$all</c> for one partner, through its entitlement, a page at a time.</summary>
internal sealed class PartnerFeed(IEventStore store, EventTypeRegistry registry)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// How many incident and warning events one request reads at most, however few it admits: a partner entitled
    /// to one town must not make a request scan the whole store. It gets a short (even empty) page and a
    /// <see cref="FeedPage.Next"/> further on.
    /// </summary>
    public const int MaxScanned = 10_000;

    private const int ReadSize = 500;

    /// <summary>Up to <paramref name="limit"/> admitted events after <paramref name="from"/>.</summary>
    public async Task<FeedPage> ReadAsync(Entitlement entitlement, long from, int limit, CancellationToken cancellationToken)
    {
        var events = new List<AdmittedEvent>();
        var next = from;
        var scanned = 0;
        while (events.Count < limit && scanned < MaxScanned)
        {
            var wanted = Math.Min(ReadSize, MaxScanned - scanned);
            var read = 0;
            await foreach (var recorded in store.ReadAllAsync(new GlobalPosition(next), wanted, Entitlement.Streams, cancellationToken).ConfigureAwait(false))
            {
                read++;
                next = recorded.Position.Value;
                if (entitlement.Admit(recorded, registry) is { } admitted)
                {
                    events.Add(admitted);
                    if (events.Count == limit)
                        break;
                }
            }
            scanned += read;
            // A short read is the end of the store (or the page filled up mid-read).
            if (read < wanted)
                break;
        }
        return new FeedPage(events, next);
    }
}
