using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Warnings.Board;

/// <summary>A warning as a SOC sees it: its latest snapshot, and what the SOC side has done about it.</summary>
/// <param name="WarningId">The warning; its streams are <c>warning-{id}</c> and <c>soc-{id}</c>.</param>
/// <param name="Version">The latest version.</param>
/// <param name="Event"><c>raised</c>, <c>updated</c> or <c>resolved</c>: what the latest version was.</param>
/// <param name="KnownAt">When the latest version could be known (recorded).</param>
/// <param name="RaisedKnownAt">When the warning was first raised.</param>
/// <param name="Warning">The latest snapshot.</param>
/// <param name="Acknowledgement">Set once an operator acknowledged it.</param>
/// <param name="Escalations">How many times it went up the escalation chain.</param>
/// <param name="Deliveries">Deliveries to SOC recipients, by outcome.</param>
public sealed record WarningView(
    string WarningId,
    int Version,
    string Event,
    DateTimeOffset KnownAt,
    DateTimeOffset RaisedKnownAt,
    WarningSnapshot Warning,
    AcknowledgementView? Acknowledgement,
    int Escalations,
    DeliveryCounts Deliveries)
{
    public const string Raised = "raised";
    public const string Updated = "updated";
    public const string Resolved = "resolved";

    public bool IsOpen => Warning.Status == WarningSnapshot.Open;
}
