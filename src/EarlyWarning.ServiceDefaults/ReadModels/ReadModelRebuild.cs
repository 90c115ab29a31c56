namespace EarlyWarning.ServiceDefaults.ReadModels;

/// <summary>What a rebuild did.</summary>
/// <param name="EventsFolded">Events folded into the new model before it was swapped in.</param>
/// <param name="Position">The store position the new model had read to when it was swapped in.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="RebuiltAt">When it was swapped in.</param>
public sealed record ReadModelRebuild(long EventsFolded, long Position, TimeSpan Elapsed, DateTimeOffset RebuiltAt);
