namespace EarlyWarning.EventStore;

public interface IEventWriter
{
    /// <summary>
    /// Appends to one or more streams and optionally moves a subscriber's checkpoint, all in one transaction:
    /// either everything is recorded or nothing is. Returns once the commit is durable.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">A stream was not at its expected revision.</exception>
    /// <exception cref="DuplicateEventIdException">An event id is already recorded elsewhere.</exception>
    /// <exception cref="ArgumentException">Bad input: empty append, bad type, data not JSON, event too large.</exception>
    Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, Checkpoint? checkpoint = null, CancellationToken cancellationToken = default);
}
