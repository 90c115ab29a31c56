namespace EarlyWarning.Rules.Engine;

/// <summary>
/// A warning event the engine decided on, as the facts a back-test reads of it: which event, the warning's version
/// after it (its record, severity and snapshot), and how late the input that led to it was. The event itself, with
/// its version number, change phrases and reasons, is not made (<see cref="EmittedWarningEvent"/> is).
/// </summary>
internal readonly record struct WarningDecision(WarningEventKind Kind, WarningVersion State, TimeSpan? LateBy);
