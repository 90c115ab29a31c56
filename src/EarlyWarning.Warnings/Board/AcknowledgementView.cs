namespace EarlyWarning.Warnings.Board;

/// <summary>Who took charge of a warning, at which version, and what they wrote.</summary>
public sealed record AcknowledgementView(int Version, string By, string? Note, DateTimeOffset AcknowledgedAt);
