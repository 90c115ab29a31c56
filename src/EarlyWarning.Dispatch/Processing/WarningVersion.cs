using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// One version of a warning as its event recorded it, with the first-line recipients it goes to (its targets, decided
/// when the version is read, from the version and what came before it in the store only).
/// </summary>
internal sealed record WarningVersion(
    int Version,
    string Kind,
    WarningSnapshot Snapshot,
    IReadOnlyList<string>? Changes,
    string? Reason,
    string? SupersededBy,
    DateTimeOffset KnownAt,
    DateTimeOffset RecordedAt,
    Guid EventId,
    EventMetadata Metadata,
    IReadOnlyList<string> Targets)
{
    public const string Raised = "raised";
    public const string Updated = "updated";
    public const string Resolved = "resolved";
}
