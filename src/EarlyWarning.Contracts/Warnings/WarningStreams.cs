using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Warnings;

/// <summary>The streams warning events live in.</summary>
public static class WarningStreams
{
    /// <summary>Prefix of every warning's stream.</summary>
    public const string WarningPrefix = "warning-";

    /// <summary>The stream of one warning.</summary>
    public static StreamName Warning(string warningId) => new(WarningPrefix + warningId);
}
