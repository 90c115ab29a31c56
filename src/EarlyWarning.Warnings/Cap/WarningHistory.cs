using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;

namespace EarlyWarning.Warnings.Cap;

/// <summary>A warning's stream read whole: every version, oldest first.</summary>
internal static class WarningHistory
{
    /// <summary>Longer ids name no warning (ids are 32 hex digits) and would not make a valid stream name.</summary>
    private const int MaxIdLength = 128;

    /// <summary>Every version of the warning, or an empty list when there is no such warning.</summary>
    public static async Task<IReadOnlyList<WarningVersion>> ReadAsync(IEventReader store, EventTypeRegistry registry, string warningId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(warningId) || warningId.Length > MaxIdLength || warningId.Any(char.IsControl))
            return [];
        var versions = new List<WarningVersion>();
        await foreach (var recorded in store.ReadStreamAsync(WarningStreams.Warning(warningId), Direction.Forwards, StreamRevision.Start, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (WarningVersion.From(registry.Deserialize(recorded)) is { } version)
                versions.Add(version);
        }
        return versions;
    }
}
