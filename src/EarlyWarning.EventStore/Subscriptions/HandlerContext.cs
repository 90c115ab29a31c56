namespace EarlyWarning.EventStore;

/// <summary>Collects what a handler wants to append for one event; nothing is written until the handler returns.</summary>
public sealed class HandlerContext
{
    private readonly List<StreamAppend> _appends = [];

    public IReadOnlyList<StreamAppend> Appends => _appends;

    public void Append(StreamName stream, ExpectedRevision expected, params EventData[] events) =>
        _appends.Add(new StreamAppend(stream, expected, events));
}
