using EarlyWarning.Contracts.Rules;
using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Http;

/// <summary>The <c>silences</c> stream folded: every silence ever added, with its removal, and the stream's last revision.</summary>
internal sealed class SilenceHistory
{
    private readonly Dictionary<string, SilenceRecord> _silences;

    private SilenceHistory(Dictionary<string, SilenceRecord> silences, StreamRevision? lastRevision)
    {
        _silences = silences;
        LastRevision = lastRevision;
    }

    public IEnumerable<SilenceRecord> All => _silences.Values;

    /// <summary>The revision a removal expects, so two operators removing one silence at once record one removal.</summary>
    public StreamRevision? LastRevision { get; }

    public SilenceRecord? Find(string silenceId) => _silences.GetValueOrDefault(silenceId);

    public static async Task<SilenceHistory> ReadAsync(IEventReader store, EventTypeRegistry registry, CancellationToken cancellationToken)
    {
        var silences = new Dictionary<string, SilenceRecord>(StringComparer.Ordinal);
        StreamRevision? last = null;
        await foreach (var recorded in store.ReadStreamAsync(RuleStreams.Silences, Direction.Forwards, StreamRevision.Start, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            last = recorded.Revision;
            switch (registry.Deserialize(recorded))
            {
                case SilenceAdded added:
                    silences.TryAdd(added.SilenceId, new SilenceRecord(added, recorded.RecordedAt, null, null));
                    break;
                case SilenceRemoved removed when silences.TryGetValue(removed.SilenceId, out var silence) && silence.RemovedBy is null:
                    silences[removed.SilenceId] = silence with { RemovedBy = removed.RemovedBy, RemovedAt = recorded.RecordedAt };
                    break;
            }
        }
        return new SilenceHistory(silences, last);
    }
}
