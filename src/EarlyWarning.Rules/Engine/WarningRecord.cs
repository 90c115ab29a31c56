namespace EarlyWarning.Rules.Engine;

/// <summary>What the engine last recorded of a warning, and while it is open, the episode behind it.</summary>
internal sealed class WarningRecord(WarningKey key)
{
    private string? _id;

    public WarningKey Key { get; } = key;

    /// <summary>The warning's id, derived on first use (see <see cref="WarningKey"/>).</summary>
    public string Id => _id ??= Key.Id();

    /// <summary>Its latest version's facts.</summary>
    public WarningVersion Last { get; set; } = null!;

    public int Version { get; set; } = 1;

    public string? ResolutionReason { get; set; }

    public RuleRuntime? Rule { get; set; }

    public GroupState? Group { get; set; }

    public Episode? Episode { get; set; }

    /// <summary>Its place in the engine's list of open warnings; −1 when resolved.</summary>
    public int OpenAt { get; set; } = -1;

    /// <summary>The event time after which the watermark resolves it, while it is open (see <see cref="DueAt"/>).</summary>
    public long? Due { get; set; }

    /// <summary>The time of its live entry in the engine's queue, at or before <see cref="Due"/>; null when it has none.</summary>
    public long? Queued { get; set; }
}
