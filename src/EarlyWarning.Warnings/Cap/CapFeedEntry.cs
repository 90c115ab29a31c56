using EarlyWarning.EventStore;

namespace EarlyWarning.Warnings.Cap;

/// <summary>What the feed shows of one CAP message, and the event it comes from for an <see cref="ICapAudience"/> to judge.</summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">Its version; the entry links to that version's document.</param>
/// <param name="MsgType">Alert, Update or Cancel.</param>
/// <param name="Sent">The message's <c>sent</c>: when the system could know.</param>
/// <param name="Headline">The warning's headline at that version.</param>
/// <param name="RuleTitle">The rule's title: the message's <c>event</c>.</param>
/// <param name="Severity">The warning's severity at that version.</param>
/// <param name="Position">Where the event is in <c>$all</c>: the feed's order.</param>
/// <param name="Event">The decoded warning event (raised, updated or resolved).</param>
internal sealed record CapFeedEntry(string WarningId, int Version, string MsgType, DateTimeOffset Sent, string Headline, string RuleTitle, string Severity, GlobalPosition Position, object Event)
{
    public static CapFeedEntry From(WarningVersion version, GlobalPosition position) =>
        new(version.Warning.WarningId, version.Version, version.MsgType, version.KnownAt, version.Warning.Headline, version.Warning.RuleTitle, version.Warning.Severity, position, version.Event);
}
