using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Engine;

/// <summary>What the engine last recorded of a warning, and while it is open, the episode behind it.</summary>
internal sealed class WarningRecord(WarningSnapshot snapshot)
{
    public WarningSnapshot Snapshot { get; set; } = snapshot;

    public int Version { get; set; } = 1;

    public string? ResolutionReason { get; set; }

    public RuleRuntime? Rule { get; set; }

    public GroupState? Group { get; set; }

    public Episode? Episode { get; set; }
}
