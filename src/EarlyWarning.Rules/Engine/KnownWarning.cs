using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Engine;

/// <summary>A warning as the engine last recorded it.</summary>
/// <param name="Snapshot">Its latest snapshot.</param>
/// <param name="Version">Its latest version.</param>
/// <param name="ResolutionReason">Why it resolved (a <see cref="WarningResolved"/> reason), or null while open.</param>
public sealed record KnownWarning(WarningSnapshot Snapshot, int Version, string? ResolutionReason);
