using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Partners;

/// <summary>An administrator registered a partner: from now on its key is accepted and it reads through its entitlement.</summary>
/// <param name="Name">The partner's name: the name of its key, its queue and its user.</param>
/// <param name="KeySha256">Lower-case hex SHA-256 of its key; the key itself was shown once to the administrator and is kept nowhere.</param>
/// <param name="Entitlement">What it may see.</param>
/// <param name="RegisteredBy">The administrator's key name.</param>
/// <param name="RegisteredAt">When.</param>
[EventType("V1.PartnerRegistered")]
public sealed record PartnerRegistered(string Name, string KeySha256, PartnerEntitlement Entitlement, string RegisteredBy, DateTimeOffset RegisteredAt);
