namespace EarlyWarning.Dispatch.Http;

/// <summary>The answer of <c>GET /api/deliveries</c>: the newest first.</summary>
/// <param name="State">The state asked for.</param>
/// <param name="Warning">The warning asked for, if any.</param>
/// <param name="Deliveries">At most <c>limit</c> outcomes, newest first.</param>
/// <param name="More">Whether older outcomes were left out by the limit.</param>
public sealed record DeliveryList(string State, string? Warning, IReadOnlyList<DeliveryView> Deliveries, bool More);
