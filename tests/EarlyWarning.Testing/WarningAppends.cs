using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;

namespace EarlyWarning.Testing;

/// <summary>Appends warning events as the rules service does, for tests of what reads them.</summary>
public static class WarningAppends
{
    /// <summary>Version n of a warning on <c>warning-{id}</c>, expecting the stream at revision n − 2 (none for a raise).</summary>
    public static Task<AppendResult> AppendAsync(IEventStore store, EventTypeRegistry registry, object warningEvent)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        var (snapshot, version) = warningEvent switch
        {
            WarningRaised e => (e.Warning, e.Version),
            WarningUpdated e => (e.Warning, e.Version),
            WarningResolved e => (e.Warning, e.Version),
            _ => throw new ArgumentException("not a warning event", nameof(warningEvent)),
        };
        var expected = version == 1 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(new StreamRevision(version - 2));
        return store.AppendToStreamAsync(WarningStreams.Warning(snapshot.WarningId), expected, registry.ToEventData(warningEvent, EventIds.New()));
    }
}
