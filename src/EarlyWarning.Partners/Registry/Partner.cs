using EarlyWarning.Partners.Entitlements;

namespace EarlyWarning.Partners.Registry;

/// <summary>A partner system: its name (the name of its API key) and what it may see.</summary>
public sealed record Partner(string Name, Entitlement Entitlement);
