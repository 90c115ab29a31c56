using System.Globalization;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>One delivery: a version of a warning to a recipient, first-line (escalation 0) or as the n-th escalation.</summary>
internal readonly record struct DeliveryKey(string WarningId, int Version, string Recipient, int Escalation)
{
    /// <summary>What the receiver dedupes on (contract of <c>WarningDelivered.IdempotencyKey</c>).</summary>
    public string IdempotencyKey => Escalation == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{WarningId}:{Version}")
        : string.Create(CultureInfo.InvariantCulture, $"{WarningId}:{Version}:e{Escalation}");

    /// <summary>The id of its outcome event, delivered or dead-lettered alike, so one delivery has at most one outcome.</summary>
    public Guid OutcomeEventId => DispatchEventIds.Outcome(this);
}
