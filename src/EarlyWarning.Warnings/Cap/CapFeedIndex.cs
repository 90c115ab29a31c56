using EarlyWarning.EventStore;

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
    private readonly Queue<CapFeedEntry> _entries = new(Capacity);
    private GlobalPosition _position = GlobalPosition.Start;
    private DateTimeOffset? _caughtUpAt;

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

    public void Add(CapFeedEntry entry)
    {
        lock (_lock)
        {
            if (entry.Position <= _position)
                return; // A resubscription after a failure may deliver again what was taken in.
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
                _position = position;
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
