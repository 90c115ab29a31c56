using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// A warning event the engine decided on: a <c>WarningRaised</c>, <c>WarningUpdated</c> or <c>WarningResolved</c>.
/// The engine keeps what it decided as its own values; the contract record, with its snapshot, its change phrases
/// and the warning's id, is built on first read of <see cref="Event"/> or <see cref="WarningId"/>. The writer reads
/// every event; a back-test only the few it reports, so it does not pay for the rest (decision 0013).
/// </summary>
public sealed class EmittedWarningEvent
{
    private readonly WarningVersion _state;
    private readonly WarningVersion? _before;
    private readonly DateTimeOffset _recordedAt;
    private readonly TimeSpan? _lateBy;
    // Updated: the reason it resolved, when it reopened. Resolved: why it resolved.
    private readonly string? _reason;
    private readonly WarningKey? _supersededBy;
    private object? _event;

    private EmittedWarningEvent(WarningEventKind kind, int version, WarningVersion state, WarningVersion? before, DateTimeOffset recordedAt, TimeSpan? lateBy, string? reason = null, WarningKey? supersededBy = null)
    {
        Kind = kind;
        Version = version;
        _state = state;
        _before = before;
        _recordedAt = recordedAt;
        _lateBy = lateBy;
        _reason = reason;
        _supersededBy = supersededBy;
    }

    /// <summary>Which event this is.</summary>
    public WarningEventKind Kind { get; }

    /// <summary>The warning.</summary>
    public string WarningId => _state.Record.Id;

    /// <summary>The warning's version after this event; with the id it makes the event's deterministic event id.</summary>
    public int Version { get; }

    /// <summary>The rule whose warning this is.</summary>
    public string RuleId => _state.Record.Key.RuleId;

    /// <summary>The contract record.</summary>
    public object Event => _event ??= Build();

    internal static EmittedWarningEvent Raised(WarningVersion state, DateTimeOffset recordedAt, TimeSpan? lateBy) =>
        new(WarningEventKind.Raised, 1, state, null, recordedAt, lateBy);

    internal static EmittedWarningEvent Updated(int version, WarningVersion state, WarningVersion before, DateTimeOffset recordedAt, TimeSpan? lateBy, string? reopenedAfter = null) =>
        new(WarningEventKind.Updated, version, state, before, recordedAt, lateBy, reopenedAfter);

    internal static EmittedWarningEvent Resolved(int version, WarningVersion state, string reason, WarningKey? supersededBy, DateTimeOffset recordedAt) =>
        new(WarningEventKind.Resolved, version, state, null, recordedAt, null, reason, supersededBy);

    private object Build()
    {
        switch (Kind)
        {
            case WarningEventKind.Raised:
                return new WarningRaised(_state.Snapshot, Version, _recordedAt, _lateBy);
            case WarningEventKind.Updated:
                var changes = _state.Changes(_before!) ?? [];
                if (_reason is not null)
                    changes.Insert(0, $"reopened after {_reason}");
                return new WarningUpdated(_state.Snapshot, Version, changes, _recordedAt, _lateBy);
            default:
                return new WarningResolved(_state.Snapshot, Version, _reason!, _supersededBy?.Id(), _recordedAt);
        }
    }
}
