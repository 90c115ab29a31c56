using EarlyWarning.Contracts.Soc;
using EarlyWarning.Dispatch.Configuration;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// Everything the dispatch knows of one warning, built only from the events of <c>warning-{id}</c> and <c>soc-{id}</c> in
/// store order: its versions and whom each goes to, the recorded delivery outcomes, acknowledgement and escalations.
/// What is due follows from it, so a restarted dispatch that reads the same events owes the same work.
/// </summary>
internal sealed class WarningTrack(string warningId)
{
    private readonly List<WarningVersion> _versions = [];
    private readonly HashSet<string> _sentTo = new(StringComparer.Ordinal);
    private readonly Dictionary<DeliveryKey, DateTimeOffset> _outcomes = [];
    private readonly Dictionary<string, DateTimeOffset> _firstOutcome = new(StringComparer.Ordinal);
    private readonly List<RecordedEscalation> _escalations = [];
    private readonly Dictionary<string, int> _chainProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _appendedStep = new(StringComparer.Ordinal);
    private readonly HashSet<string> _abandoned = new(StringComparer.Ordinal);
    private readonly HashSet<DeliveryKey> _handled = [];
    private Dictionary<Guid, (string Root, int Step)>? _hopIds;

    public string WarningId => warningId;

    public bool Acknowledged { get; private set; }

    public WarningVersion? Latest => _versions.Count == 0 ? null : _versions[^1];

    /// <summary>Escalations recorded, and appended by this run but not read back yet: the next one's number is one more.</summary>
    public int EscalationCount => _escalations.Count + _appendedStep.Count;

    /// <summary>
    /// A raise or update goes to every recipient whose filter matches it, unless it is silenced or inhibited; a
    /// resolution goes to everyone an earlier version went to, first-line or by escalation, so nobody who was told
    /// of the warning is left believing it open.
    /// </summary>
    public void AddVersion(WarningVersion version, DispatchOptions options)
    {
        if (Latest is { } latest && version.Version <= latest.Version)
            return;
        IEnumerable<Recipient> targets = version.Kind == WarningVersion.Resolved
            ? options.Recipients.Where(r => _sentTo.Contains(r.Name))
            : version.Snapshot.Suppression is null
                ? options.Recipients.Where(r => r.Filter.Matches(version.Snapshot))
                : [];
        var names = targets.Select(r => r.Name).ToList();
        _sentTo.UnionWith(names);
        _versions.Add(version with { Targets = names });
    }

    public void Outcome(DeliveryKey key, DateTimeOffset at)
    {
        _outcomes.TryAdd(key, at);
        if (key.Escalation == 0 && (!_firstOutcome.TryGetValue(key.Recipient, out var first) || at < first))
            _firstOutcome[key.Recipient] = at;
    }

    public void Acknowledge() => Acknowledged = true;

    public void Escalated(Guid eventId, WarningEscalated escalated, DateTimeOffset recordedAt, DispatchOptions options)
    {
        (string Root, int Step)? hop = HopIds(options).TryGetValue(eventId, out var h) ? h : null;
        _escalations.Add(new RecordedEscalation(escalated.Escalation, escalated.Version, escalated.To, recordedAt, hop?.Root, hop?.Step ?? 0));
        _sentTo.Add(escalated.To);
        if (hop is { } known)
        {
            _chainProgress[known.Root] = Math.Max(known.Step, _chainProgress.GetValueOrDefault(known.Root));
            _appendedStep.Remove(known.Root);
        }
    }

    /// <summary>
    /// Adds to <paramref name="due"/> every delivery without a recorded outcome that this run has not handled yet, in
    /// version order; returns how many were left out because their version or escalation was recorded before <paramref name="oldest"/>.
    /// </summary>
    public int TakeDue(DateTimeOffset oldest, List<PendingDelivery> due)
    {
        var skipped = 0;
        foreach (var version in _versions)
            foreach (var recipient in version.Targets)
                Consider(new DeliveryKey(warningId, version.Version, recipient, 0), version, version.RecordedAt);
        foreach (var escalation in _escalations)
        {
            if (_versions.Find(v => v.Version == escalation.Version) is { } version)
                Consider(escalation.Delivery(warningId), version, escalation.RecordedAt);
        }
        return skipped;

        void Consider(DeliveryKey key, WarningVersion version, DateTimeOffset recordedAt)
        {
            if (_outcomes.ContainsKey(key) || !_handled.Add(key))
                return;
            if (recordedAt < oldest)
                skipped++;
            else
                due.Add(new PendingDelivery(key, version));
        }
    }

    /// <summary>
    /// The next hop of each chain of this warning whose clock runs. A chain starts at a first-line recipient with an
    /// escalation policy, its clock at that recipient's first delivery outcome (delivered or dead-lettered: an
    /// unreachable SOC must not stop escalation); each later hop's clock starts at the outcome of the hop before it.
    /// No clock runs once the warning is acknowledged, resolved, or while it is silenced or inhibited.
    /// </summary>
    public List<EscalationDue> NextEscalations(DispatchOptions options)
    {
        var next = new List<EscalationDue>();
        if (Acknowledged || Latest is not { } latest || latest.Kind == WarningVersion.Resolved || latest.Snapshot.Suppression is not null)
            return next;
        foreach (var root in options.Recipients)
        {
            if (!options.Chains.TryGetValue(root.Name, out var steps) || !_firstOutcome.TryGetValue(root.Name, out var since)
                || _abandoned.Contains(root.Name) || _appendedStep.ContainsKey(root.Name))
                continue;
            var done = _chainProgress.GetValueOrDefault(root.Name);
            if (done >= steps.Count)
                continue;
            var start = since;
            if (done > 0)
            {
                var previous = _escalations.Find(e => e.Root == root.Name && e.Step == done);
                if (previous is null || !_outcomes.TryGetValue(previous.Delivery(warningId), out start))
                    continue;
            }
            next.Add(new EscalationDue(warningId, root.Name, done + 1, steps[done], start + steps[done].Delay, since));
        }
        return next;
    }

    /// <summary>This run appended the hop; until it is read back, the chain waits and the hop counts for numbering.</summary>
    public void EscalationAppended(string root, int step) => _appendedStep[root] = step;

    /// <summary>The chain's hop fell due too long ago to be worth sending now.</summary>
    public void Abandon(string root) => _abandoned.Add(root);

    private Dictionary<Guid, (string Root, int Step)> HopIds(DispatchOptions options)
    {
        if (_hopIds is null)
        {
            _hopIds = [];
            foreach (var (root, steps) in options.Chains)
                for (var step = 1; step <= steps.Count; step++)
                    _hopIds[DispatchEventIds.Escalation(warningId, root, step)] = (root, step);
        }
        return _hopIds;
    }
}
