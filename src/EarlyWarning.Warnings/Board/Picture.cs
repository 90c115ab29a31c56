using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Soc;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;

namespace EarlyWarning.Warnings.Board;

/// <summary>
/// Incidents and warnings folded from the store's events in order: the live board and every "as known at T"
/// picture are this one fold, over all events or over those recorded up to T. Not thread-safe: the board
/// guards it.
/// </summary>
internal sealed class Picture(int incidentCapacity)
{
    /// <summary>The streams the fold reads; everything else in <c>$all</c> is none of its business.</summary>
    public static readonly EventFilter Filter = EventFilter.ForStreams(IncidentStreams.IncidentPrefix, WarningStreams.WarningPrefix, SocStreams.SocPrefix);

    public const int DefaultIncidentCapacity = 5000;
    public const int ListedIncidents = 1000;
    public const int ListedResolvedWarnings = 50;

    private readonly Dictionary<string, IncidentView> _incidents = new(StringComparer.Ordinal);
    // First-recorded order, to drop the oldest incidents beyond the capacity: the map shows what is recent.
    private readonly LinkedList<string> _incidentOrder = new();
    private readonly Dictionary<string, WarningView> _warnings = new(StringComparer.Ordinal);

    public long Position { get; private set; }

    public DateTimeOffset? FirstRecordedAt { get; private set; }

    public DateTimeOffset? LastRecordedAt { get; private set; }

    public WarningView? Warning(string warningId) => _warnings.GetValueOrDefault(warningId);

    public IEnumerable<WarningView> Warnings => _warnings.Values;

    /// <summary>Everything up to <paramref name="position"/> has been read, whether or not it concerned the picture.</summary>
    public void ReadTo(long position) => Position = Math.Max(Position, position);

    /// <summary>Folds one event; returns what it changed, or null when it changed nothing the board shows.</summary>
    public PictureChange? Apply(RecordedEvent recorded, EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(registry);
        Position = recorded.Position.Value;
        if (!Filter.Matches(recorded) || !registry.IsKnown(recorded.Type))
            return null;
        object? view = registry.Deserialize(recorded) switch
        {
            IncidentRecorded e => Incident(e.Incident, recorded.RecordedAt),
            IncidentCorroborated e => Incident(e.Incident, recorded.RecordedAt),
            ReportCorrected e => Incident(e.Incident, recorded.RecordedAt),
            ReportRetracted e => Incident(e.Incident, recorded.RecordedAt),
            WarningRaised e => Warning(e.Warning, e.Version, WarningView.Raised, e.KnownAt),
            WarningUpdated e => Warning(e.Warning, e.Version, WarningView.Updated, e.KnownAt),
            WarningResolved e => Warning(e.Warning, e.Version, WarningView.Resolved, e.KnownAt),
            WarningAcknowledged e => Soc(e.WarningId, w => w with { Acknowledgement = w.Acknowledgement ?? new AcknowledgementView(e.Version, e.By, e.Note, e.AcknowledgedAt) }),
            WarningDelivered e => Soc(e.WarningId, w => w with { Deliveries = w.Deliveries with { Delivered = w.Deliveries.Delivered + 1 } }),
            WarningDeliveryFailed e => Soc(e.WarningId, w => w with { Deliveries = w.Deliveries with { Failed = w.Deliveries.Failed + 1 } }),
            WarningEscalated e => Soc(e.WarningId, w => w with { Escalations = w.Escalations + 1 }),
            _ => null,
        };
        if (view is null)
            return null;
        FirstRecordedAt ??= recorded.RecordedAt;
        LastRecordedAt = recorded.RecordedAt;
        return new PictureChange(recorded.Position.Value, view is IncidentView ? PictureChange.Incident : PictureChange.Warning, view);
    }

    /// <summary>The picture now: recent incidents newest first, open warnings by severity then time, then recently resolved ones.</summary>
    public PictureView View(DateTimeOffset asOf)
    {
        var incidents = _incidentOrder.Reverse().Select(id => _incidents[id]).Where(i => !i.Withdrawn).Take(ListedIncidents).ToList();
        var open = Ordered(_warnings.Values.Where(w => w.IsOpen));
        var resolved = _warnings.Values.Where(w => !w.IsOpen).OrderByDescending(w => w.KnownAt).Take(ListedResolvedWarnings);
        return new PictureView(asOf, Position, FirstRecordedAt, LastRecordedAt, incidents, [.. open, .. resolved]);
    }

    /// <summary>Most severe first, then the most recently changed.</summary>
    public static IEnumerable<WarningView> Ordered(IEnumerable<WarningView> warnings) =>
        warnings.OrderByDescending(w => Contracts.Vocabulary.CapSeverity.Rank(w.Warning.Severity)).ThenByDescending(w => w.KnownAt).ThenBy(w => w.WarningId, StringComparer.Ordinal);

    private IncidentView Incident(IncidentSummary incident, DateTimeOffset recordedAt)
    {
        if (_incidents.TryGetValue(incident.IncidentId, out var known))
            return _incidents[incident.IncidentId] = IncidentView.From(incident, known.RecordedAt);
        var view = _incidents[incident.IncidentId] = IncidentView.From(incident, recordedAt);
        _incidentOrder.AddLast(incident.IncidentId);
        while (_incidentOrder.Count > incidentCapacity)
        {
            var oldest = _incidentOrder.First!.Value;
            _incidentOrder.RemoveFirst();
            _incidents.Remove(oldest);
        }
        return view;
    }

    private WarningView Warning(WarningSnapshot snapshot, int version, string kind, DateTimeOffset knownAt)
    {
        var known = _warnings.GetValueOrDefault(snapshot.WarningId);
        var view = known is null
            ? new WarningView(snapshot.WarningId, version, kind, knownAt, knownAt, snapshot, null, 0, DeliveryCounts.None)
            : known with { Version = version, Event = kind, KnownAt = knownAt, Warning = snapshot };
        return _warnings[snapshot.WarningId] = view;
    }

    private WarningView? Soc(string warningId, Func<WarningView, WarningView> change)
    {
        // The SOC stream of a warning is written only after the warning exists, so an unknown id is not ours.
        if (!_warnings.TryGetValue(warningId, out var known))
            return null;
        return _warnings[warningId] = change(known);
    }
}
