namespace EarlyWarning.EventStore;

/// <summary>The store's state as <c>/health</c> reports it.</summary>
/// <param name="Adapter">Which adapter: <c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="Location">Where it is (file path, or host/database without credentials).</param>
/// <param name="Healthy">Whether it answered a read just now.</param>
/// <param name="HeadPosition">The last recorded position, when it answered.</param>
/// <param name="Error">Why not, when it did not.</param>
public sealed record StoreStatus(string Adapter, string Location, bool Healthy, GlobalPosition? HeadPosition, string? Error);
