using EarlyWarning.Dispatch.Configuration;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// The next hop of one chain of a warning and when it falls due: the chain of first-line recipient Root, its Step-th
/// hop (from 1); Since is the root's first delivery outcome, since when the warning has been unacknowledged.
/// </summary>
internal sealed record EscalationDue(string WarningId, string Root, int Step, EscalationStep Hop, DateTimeOffset Due, DateTimeOffset Since);
