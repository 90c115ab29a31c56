using System.Globalization;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// What one version of a warning says, held as the engine's own values; its <see cref="WarningSnapshot"/> is built
/// when somebody reads it (the writer, a report), not when the engine decides on the version. Immutable: a later
/// version is a new object, so a version read long after it was emitted reads as it was.
/// </summary>
internal sealed class WarningVersion
{
    // Indexed by CapSeverity.Rank: Unknown 0 … Extreme 4.
    private static readonly string[] SeverityNames = [CapSeverity.Unknown, CapSeverity.Minor, CapSeverity.Moderate, CapSeverity.Severe, CapSeverity.Extreme];

    private WarningSnapshot? _snapshot;

    /// <summary>The version of <paramref name="episode"/> as it now stands; it shares <paramref name="previous"/>'s members when they are the same.</summary>
    public WarningVersion(WarningRecord record, RuleRuntime rule, GroupState group, string ruleSetHash, Episode episode, WarningSuppression? suppression, WarningVersion? previous)
    {
        Record = record;
        Rule = rule;
        Group = group;
        RuleSetHash = ruleSetHash;
        var members = episode.Members.PrefixOf(episode.Members.Count);
        Members = previous is not null && previous.Members.Is(members) ? previous.Members : new WarningMembers(members);
        Severity = (uint)episode.SeverityRank < (uint)SeverityNames.Length ? SeverityNames[episode.SeverityRank] : CapSeverity.Unknown;
        Killed = episode.Killed;
        Measure = episode.Peak;
        First = episode.First;
        LastTicks = episode.Last.Ticks;
        Suppression = suppression;
    }

    private WarningVersion(WarningVersion other, WarningSuppression? suppression, DateTimeOffset? resolvedAt)
    {
        Record = other.Record;
        Rule = other.Rule;
        Group = other.Group;
        RuleSetHash = other.RuleSetHash;
        Members = other.Members;
        Severity = other.Severity;
        Killed = other.Killed;
        Measure = other.Measure;
        First = other.First;
        LastTicks = other.LastTicks;
        Suppression = suppression;
        ResolvedAt = resolvedAt;
    }

    public WarningRecord Record { get; }

    public RuleRuntime Rule { get; }

    public GroupState Group { get; }

    public string RuleSetHash { get; }

    public WarningMembers Members { get; }

    public string Severity { get; }

    public int Killed { get; }

    public double Measure { get; }

    public Entry First { get; }

    public long LastTicks { get; }

    public WarningSuppression? Suppression { get; }

    /// <summary>Null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; }

    public DateTimeOffset FirstHeldAt => new(First.Ticks, TimeSpan.Zero);

    public DateTimeOffset LastHeldAt => new(LastTicks, TimeSpan.Zero);

    public WarningSnapshot Snapshot => _snapshot ??= BuildSnapshot();

    /// <summary>The same facts, suppressed differently.</summary>
    public WarningVersion With(WarningSuppression? suppression) => new(this, suppression, ResolvedAt);

    /// <summary>The same facts, resolved at <paramref name="resolvedAt"/>.</summary>
    public WarningVersion Resolved(DateTimeOffset resolvedAt) => new(this, Suppression, resolvedAt);

    /// <summary>
    /// Whether a reader sees nothing changed from <paramref name="before"/>: exactly when <see cref="Changes"/> finds
    /// nothing. The first firing point is never compared: it is part of the warning's key, the same in every version.
    /// </summary>
    public bool SameAs(WarningVersion before) =>
        before.Severity == Severity
        && before.Members.Count == Members.Count
        && before.Killed == Killed
        && !(before.Measure != Measure)
        && before.LastTicks == LastTicks
        && before.Suppression == Suppression
        && before.Members.SameAs(Members);

    /// <summary>What changed from <paramref name="before"/>, one phrase each; null when nothing a reader sees did.</summary>
    public List<string>? Changes(WarningVersion before)
    {
        List<string>? changes = null;
        void Add(FormattableString phrase) => (changes ??= []).Add(FormattableString.Invariant(phrase));
        if (before.Severity != Severity)
            Add($"severity {before.Severity} → {Severity}");
        if (before.Members.Count != Members.Count)
            Add($"incidents {before.Members.Count} → {Members.Count}");
        else if (!ReferenceEquals(before.Members, Members) && !before.Members.Listed.SequenceEqual(Members.Listed))
            Add($"incidents revised");
        if (!ReferenceEquals(before.Members, Members) && !before.Members.DistrictIds.SequenceEqual(Members.DistrictIds))
            Add($"districts {before.Members.DistrictIds.Count} → {Members.DistrictIds.Count}");
        if (before.Killed != Killed)
            Add($"killed {before.Killed} → {Killed}");
        if (before.Measure != Measure)
            Add($"measure {before.Measure:0.##} → {Measure:0.##}");
        if (before.LastTicks != LastTicks)
            Add($"last held at {LastHeldAt:u}");
        if (before.Suppression != Suppression)
        {
            (changes ??= []).Add(Suppression is { } s
                ? $"{s.Kind} by {s.By}: {s.Reason}"
                : $"no longer {before.Suppression!.Kind}");
        }
        return changes;
    }

    private WarningSnapshot BuildSnapshot()
    {
        var rule = Rule.Rule;
        var count = Members.Count;
        var districts = Members.DistrictIds;
        var headline = string.Create(CultureInfo.InvariantCulture,
            $"{rule.Title} — {Group.Name}: {count} incident{(count == 1 ? "" : "s")} in {districts.Count} district{(districts.Count == 1 ? "" : "s")}, {Killed} killed");
        return new WarningSnapshot(
            Record.Id,
            rule.Id,
            rule.Title,
            rule.Kind,
            RuleSetHash,
            Rule.GroupByName,
            Group.Key,
            Group.Name,
            Group.ProvinceId,
            ResolvedAt is null ? WarningSnapshot.Open : WarningSnapshot.Resolved,
            Severity,
            rule.Alerting.Urgency,
            rule.Alerting.Certainty,
            First.Id,
            FirstHeldAt,
            LastHeldAt,
            ResolvedAt,
            Members.Listed,
            count,
            districts,
            Killed,
            Measure,
            headline,
            Suppression);
    }
}
