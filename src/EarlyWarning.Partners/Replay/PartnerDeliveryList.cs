using EarlyWarning.Contracts.Partners;

namespace EarlyWarning.Partners.Replay;

/// <summary>A partner's dead letters, newest first.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="State"><c>dead</c>: the only state recorded per event (delivered events are recorded as a checkpoint, not one by one).</param>
/// <param name="Deliveries">At most the limit asked for.</param>
/// <param name="More">Whether older ones were left out.</param>
public sealed record PartnerDeliveryList(string Partner, string State, IReadOnlyList<PartnerDeliveryFailed> Deliveries, bool More);
