namespace EarlyWarning.EventStore.Adapters;

/// <summary>What a write transaction read before deciding: see <see cref="IAppendSession.ReadStateAsync"/>.</summary>
/// <param name="Head">The highest recorded position, <see cref="GlobalPosition.Start"/> when empty.</param>
/// <param name="Revisions">The last revision of each requested stream that exists.</param>
/// <param name="Recorded">Where each requested event id that is already recorded sits.</param>
public sealed record AppendState(GlobalPosition Head, IReadOnlyDictionary<StreamName, StreamRevision> Revisions, IReadOnlyDictionary<Guid, EventLocation> Recorded);
