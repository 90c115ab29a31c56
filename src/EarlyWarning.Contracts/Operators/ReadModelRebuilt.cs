using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Operators;

/// <summary>An operator had a read model rebuilt from the store, and it was swapped in (the audit of the rebuild).</summary>
/// <param name="Model">The read model's name, e.g. <c>warnings-board</c>.</param>
/// <param name="Service">The service that holds it (its application name), since several may hold one of that name.</param>
/// <param name="By">The operator's (or admin's) key name.</param>
/// <param name="EventsFolded">Events folded into the new model before the swap.</param>
/// <param name="Position">The store position the new model had read to when it was swapped in.</param>
/// <param name="ElapsedMilliseconds">How long the rebuild took.</param>
/// <param name="RebuiltAt">When it was swapped in.</param>
[EventType("V1.ReadModelRebuilt")]
public sealed record ReadModelRebuilt(string Model, string Service, string By, long EventsFolded, long Position, long ElapsedMilliseconds, DateTimeOffset RebuiltAt);
