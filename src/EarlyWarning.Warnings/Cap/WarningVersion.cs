using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Warnings.Cap;

/// <summary>One event of a warning's stream, whichever of the three it is: what one CAP message is made from.</summary>
/// <param name="Warning">The warning as it stood after the event.</param>
/// <param name="Version">The warning's version; one CAP message per version.</param>
/// <param name="MsgType">Alert for the raise, Update for an update, Cancel for the resolve.</param>
/// <param name="KnownAt">When the system could know: the message's <c>sent</c>.</param>
/// <param name="Changes">For an update, what changed.</param>
/// <param name="Reason">For a resolve, one of the <c>WarningResolved.Reason*</c> constants.</param>
/// <param name="SupersededBy">For a resolve as superseded, the warning that now covers its incidents.</param>
/// <param name="Event">The decoded event itself, for an <see cref="ICapAudience"/> to judge.</param>
internal sealed record WarningVersion(
    WarningSnapshot Warning,
    int Version,
    string MsgType,
    DateTimeOffset KnownAt,
    IReadOnlyList<string> Changes,
    string? Reason,
    string? SupersededBy,
    object Event)
{
    /// <summary>The version a decoded warning event is, or null for anything else.</summary>
    public static WarningVersion? From(object? @event) => @event switch
    {
        WarningRaised raised => new(raised.Warning, raised.Version, CapMsgType.Alert, raised.KnownAt, [], null, null, raised),
        // A warning resolved as withdrawn or superseded reopens with an update when its episode comes back; as
        // CAP it is an Update that supersedes every earlier message, the Cancel included.
        WarningUpdated updated => new(updated.Warning, updated.Version, CapMsgType.Update, updated.KnownAt, updated.Changes ?? [], null, null, updated),
        WarningResolved resolved => new(resolved.Warning, resolved.Version, CapMsgType.Cancel, resolved.KnownAt, [], resolved.Reason, resolved.SupersededBy, resolved),
        _ => null,
    };
}
