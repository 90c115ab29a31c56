namespace EarlyWarning.Rules.Engine;

/// <summary>A warning event the engine decided on: a <c>WarningRaised</c>, <c>WarningUpdated</c> or <c>WarningResolved</c>.</summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The warning's version after this event; with the id it makes the event's deterministic event id.</param>
/// <param name="Event">The contract record.</param>
public sealed record EmittedWarningEvent(string WarningId, int Version, object Event);
