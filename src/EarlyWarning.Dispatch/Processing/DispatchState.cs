using EarlyWarning.Contracts.Soc;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Dispatch.Configuration;
using EarlyWarning.EventStore;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>Every warning's <see cref="WarningTrack"/>, in the store order of their first events. Not thread-safe: the run guards it.</summary>
internal sealed class DispatchState(DispatchOptions options)
{
    private readonly Dictionary<string, WarningTrack> _tracks = new(StringComparer.Ordinal);
    private readonly List<WarningTrack> _order = [];

    public IReadOnlyList<WarningTrack> Tracks => _order;

    public WarningTrack? Find(string warningId) => _tracks.GetValueOrDefault(warningId);

    /// <summary>Applies one event of <c>warning-*</c> or <c>soc-*</c>; returns the warning it concerns, or null for anything else.</summary>
    public WarningTrack? Apply(RecordedEvent recorded, object? @event)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        switch (@event)
        {
            case WarningRaised r:
                return AddVersion(recorded, r.Warning, r.Version, WarningVersion.Raised, null, null, null, r.KnownAt);
            case WarningUpdated u:
                return AddVersion(recorded, u.Warning, u.Version, WarningVersion.Updated, u.Changes, null, null, u.KnownAt);
            case WarningResolved x:
                return AddVersion(recorded, x.Warning, x.Version, WarningVersion.Resolved, null, x.Reason, x.SupersededBy, x.KnownAt);
            case WarningDelivered d:
                return With(d.WarningId, t => t.Outcome(new DeliveryKey(d.WarningId, d.Version, d.Recipient, d.Escalation), d.DeliveredAt));
            case WarningDeliveryFailed f:
                return With(f.WarningId, t => t.Outcome(new DeliveryKey(f.WarningId, f.Version, f.Recipient, f.Escalation), f.FailedAt));
            case WarningAcknowledged a:
                return With(a.WarningId, t => t.Acknowledge());
            case WarningEscalated e:
                return With(e.WarningId, t => t.Escalated(recorded.EventId, e, recorded.RecordedAt, options));
            default:
                return null;
        }
    }

    private WarningTrack AddVersion(
        RecordedEvent recorded, WarningSnapshot snapshot, int version, string kind, IReadOnlyList<string>? changes, string? reason, string? supersededBy, DateTimeOffset knownAt) =>
        With(snapshot.WarningId, t => t.AddVersion(
            new WarningVersion(version, kind, snapshot, changes, reason, supersededBy, knownAt, recorded.RecordedAt, recorded.EventId, recorded.Metadata, []),
            options));

    private WarningTrack With(string warningId, Action<WarningTrack> apply)
    {
        if (!_tracks.TryGetValue(warningId, out var track))
        {
            track = new WarningTrack(warningId);
            _tracks[warningId] = track;
            _order.Add(track);
        }
        apply(track);
        return track;
    }
}
