using EarlyWarning.Partners.Entitlements;

namespace EarlyWarning.Partners.Registry;

/// <summary>A partner system: its name (the name of its API key) and what it may see.</summary>
/// <param name="Name">Unique; the name of its key, its queue and its stream.</param>
/// <param name="Entitlement">What it may see, on every channel.</param>
/// <param name="Webhook">Where its events are posted, when it receives webhooks; null when it does not.</param>
public sealed record Partner(string Name, Entitlement Entitlement, PartnerWebhook? Webhook = null);
