using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Partners;

/// <summary>An administrator gave a partner a new key; the old one is refused from now on.</summary>
/// <param name="Name">The partner.</param>
/// <param name="KeySha256">Lower-case hex SHA-256 of the new key.</param>
/// <param name="RotatedBy">The administrator's key name.</param>
/// <param name="RotatedAt">When.</param>
[EventType("V1.PartnerKeyRotated")]
public sealed record PartnerKeyRotated(string Name, string KeySha256, string RotatedBy, DateTimeOffset RotatedAt);
