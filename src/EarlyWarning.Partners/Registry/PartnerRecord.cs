namespace EarlyWarning.Partners.Registry;

/// <summary>A partner as the registry holds it: where it comes from, and who registered it and changed its key.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Origin"><see cref="Configuration"/> or <see cref="Api"/>.</param>
/// <param name="RegisteredBy">For a partner of the API, the administrator who registered it.</param>
/// <param name="RegisteredAt">For a partner of the API, when.</param>
/// <param name="KeyRotatedBy">The administrator who last gave it a new key, if any.</param>
/// <param name="KeyRotatedAt">When.</param>
internal sealed record PartnerRecord(
    Partner Partner,
    string Origin,
    string? RegisteredBy = null,
    DateTimeOffset? RegisteredAt = null,
    string? KeyRotatedBy = null,
    DateTimeOffset? KeyRotatedAt = null)
{
    /// <summary>From the <c>Partners</c> section: changed by editing configuration and restarting, never through the API.</summary>
    public const string Configuration = "config";

    /// <summary>Registered through <c>POST /api/admin/partners</c>: its stream <c>partner-{name}</c> holds its history.</summary>
    public const string Api = "api";
}
