using EarlyWarning.Contracts.Partners;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;

namespace EarlyWarning.Partners.Admin;

/// <summary>A partner as the admin API shows it: its terms in the shape they are registered in, and where they come from. Never a key or its hash.</summary>
/// <param name="Name">The partner's name, the name of its key.</param>
/// <param name="Origin"><c>config</c> (the <c>Partners</c> section; not changed through the API) or <c>api</c>.</param>
/// <param name="Provinces">Province ids; empty for any.</param>
/// <param name="Point">Its circle, if any.</param>
/// <param name="Kinds"><c>incidents</c> and/or <c>warnings</c>.</param>
/// <param name="MinimumSeverity">The least CAP severity of a warning it sees; null for any.</param>
/// <param name="Allow">What it sees that is redacted by default.</param>
/// <param name="Webhook">Where its events are posted (the URL only; the secret is never shown); null when none.</param>
/// <param name="RegisteredBy">Who registered it through the API.</param>
/// <param name="RegisteredAt">When.</param>
/// <param name="KeyRotatedBy">Who last gave it a new key.</param>
/// <param name="KeyRotatedAt">When.</param>
internal sealed record PartnerView(
    string Name,
    string Origin,
    IReadOnlyList<string> Provinces,
    PartnerPoint? Point,
    IReadOnlyList<string> Kinds,
    string? MinimumSeverity,
    Allow Allow,
    string? Webhook,
    string? RegisteredBy,
    DateTimeOffset? RegisteredAt,
    string? KeyRotatedBy,
    DateTimeOffset? KeyRotatedAt)
{
    public static PartnerView From(PartnerRecord record)
    {
        var partner = record.Partner;
        var entitlement = RecordedEntitlement.From(partner.Entitlement);
        return new PartnerView(
            partner.Name, record.Origin, entitlement.Provinces, entitlement.Point, entitlement.Kinds, entitlement.MinimumSeverity,
            partner.Entitlement.Allow, partner.Webhook?.Url.AbsoluteUri, record.RegisteredBy, record.RegisteredAt, record.KeyRotatedBy, record.KeyRotatedAt);
    }
}
