using System.Runtime.CompilerServices;
using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Tests.Backtesting;

/// <summary>
/// A store's reader that fails with <see cref="StoreUnavailableException"/> once it has given <paramref name="failAfter"/>
/// events of <c>$all</c>, and counts the reads of <c>$all</c> still open, so a test can tell none outlived a run.
/// </summary>
public sealed class FaultyReader(IEventReader inner, long failAfter = long.MaxValue) : IEventReader
{
    private long _given;
    private int _open;

    public int OpenReads => Volatile.Read(ref _open);

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, long maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(stream, direction, from, maxCount, cancellationToken);

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition after, long maxCount, EventFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _open);
        try
        {
            await foreach (var recorded in inner.ReadAllAsync(after, maxCount, filter, cancellationToken))
            {
                if (Interlocked.Increment(ref _given) > failAfter)
                    throw new StoreUnavailableException("The store went away mid-read.");
                yield return recorded;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    public Task<GlobalPosition> GetHeadPositionAsync(CancellationToken cancellationToken = default) => inner.GetHeadPositionAsync(cancellationToken);
}
