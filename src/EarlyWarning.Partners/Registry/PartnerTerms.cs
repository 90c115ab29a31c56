namespace EarlyWarning.Partners.Registry;

/// <summary>
/// A partner's terms as an administrator writes them, before any check: the body of <c>POST /api/admin/partners</c>,
/// or a <c>Partners</c> entry of configuration read into the same shape, so both pass through
/// <see cref="PartnerTermsValidator"/> and cannot accept different partners.
/// </summary>
/// <param name="Name">1 to 64 letters, digits, <c>_</c> or <c>-</c>.</param>
/// <param name="Provinces">Gazetteer province ids.</param>
/// <param name="Point">A circle, instead of or besides provinces.</param>
/// <param name="Kinds"><c>incidents</c> and/or <c>warnings</c>.</param>
/// <param name="MinimumSeverity">A CAP severity; left out for any.</param>
/// <param name="Allow">What is shown that is redacted by default.</param>
internal sealed record PartnerTerms(
    string? Name,
    IReadOnlyList<string?>? Provinces,
    PartnerPointTerms? Point,
    IReadOnlyList<string?>? Kinds,
    string? MinimumSeverity,
    PartnerAllowTerms? Allow);
