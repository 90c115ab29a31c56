using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.ReadModels;

namespace EarlyWarning.Warnings.Cap;

/// <summary>
/// The most recent CAP messages, newest last, kept in memory by <see cref="CapFeedFollower"/> so a feed request
/// reads no events. Only <see cref="Capacity"/> are kept: the feed never shows more.
/// </summary>
internal sealed class CapFeedIndex
{
    /// <summary>The largest feed a request may ask for.</summary>
    public const int Capacity = 200;

    private readonly Lock _lock = new();
    private Queue<CapFeedEntry> _entries = new(Capacity);
    private GlobalPosition _position = GlobalPosition.Start;
    private DateTimeOffset? _caughtUpAt;
    private long _eventsFolded;
    private DateTimeOffset? _lastRebuiltAt;

    /// <summary>The last position of <c>$all</c> taken in; the follower resumes after it.</summary>
    public GlobalPosition Position
    {
        get
        {
            lock (_lock)
                return _position;
        }
    }

    /// <summary>When the index first reached the end of the store; null while it is still reading the past.</summary>
    public DateTimeOffset? CaughtUpAt
    {
        get
        {
            lock (_lock)
                return _caughtUpAt;
        }
    }

    /// <summary>Where the index stands, for operators (<see cref="CapFeedReadModel"/>).</summary>
    public ReadModelState State
    {
        get
        {
            lock (_lock)
                return new ReadModelState(_position.Value, _caughtUpAt is not null, _eventsFolded, _lastRebuiltAt);
        }
    }

    /// <summary>Takes in one event of the warning streams: an entry for a warning version, else just its position.</summary>
    public void Take(RecordedEvent recorded, EventTypeRegistry registry)
    {
        if (WarningVersion.From(registry.Deserialize(recorded)) is { } version)
            Add(CapFeedEntry.From(version, recorded.Position));
        else
            Passed(recorded.Position);
    }

    /// <summary>
    /// Puts the entries of <paramref name="rebuilt"/> in place of these, if it has read at least as far; false when the
    /// follower has gone further since, and the rebuild must read on. What the follower then brings that the rebuilt
    /// index already holds is ignored by position, as after a resubscription.
    /// </summary>
    public bool TrySwap(CapFeedIndex rebuilt, DateTimeOffset rebuiltAt)
    {
        lock (_lock)
        {
            if (rebuilt._position < _position)
                return false;
            _entries = rebuilt._entries;
            _position = rebuilt._position;
            _eventsFolded = rebuilt._eventsFolded;
            _lastRebuiltAt = rebuiltAt;
            return true;
        }
    }

    public void Add(CapFeedEntry entry)
    {
        lock (_lock)
        {
            if (entry.Position <= _position)
                return; // A resubscription after a failure may deliver again what was taken in.
            _eventsFolded++;
            if (_entries.Count == Capacity)
                _entries.Dequeue();
            _entries.Enqueue(entry);
            _position = entry.Position;
        }
    }

    /// <summary>The follower passed <paramref name="position"/> without an entry there (an event of an unknown type).</summary>
    public void Passed(GlobalPosition position)
    {
        lock (_lock)
        {
            if (position > _position)
            {
                _position = position;
                _eventsFolded++;
            }
        }
    }

    /// <summary>Everything up to <paramref name="head"/> has been read, whether or not it held warning events.</summary>
    public void ReadTo(GlobalPosition head)
    {
        lock (_lock)
        {
            if (head > _position)
                _position = head;
        }
    }

    public void CaughtUp(DateTimeOffset now)
    {
        lock (_lock)
            _caughtUpAt ??= now;
    }

    /// <summary>The <paramref name="count"/> most recent entries <paramref name="admits"/> lets through, newest first.</summary>
    public IReadOnlyList<CapFeedEntry> Latest(int count, Func<object, bool> admits)
    {
        lock (_lock)
            return _entries.Reverse().Where(e => admits(e.Event)).Take(count).ToList();
    }
}
