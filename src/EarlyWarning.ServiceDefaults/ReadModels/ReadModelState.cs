namespace EarlyWarning.ServiceDefaults.ReadModels;

/// <summary>Where a read model stands.</summary>
/// <param name="Position">The last store position it has read.</param>
/// <param name="CaughtUp">True while it has read the store to its head.</param>
/// <param name="EventsFolded">Events folded into the model in use since it was built (at start or by the last rebuild).</param>
/// <param name="LastRebuiltAt">When an operator's rebuild last swapped it in; null when it was built at start.</param>
public sealed record ReadModelState(long Position, bool CaughtUp, long EventsFolded, DateTimeOffset? LastRebuiltAt);
