namespace EarlyWarning.Partners.Admin;

/// <summary>The answer that carries a partner's new key: the only time the key is shown. Only its SHA-256 is recorded.</summary>
/// <param name="Key">The key, to hand to the partner over a secure channel.</param>
/// <param name="Partner">The partner it belongs to.</param>
internal sealed record PartnerKeyIssued(string Key, PartnerView Partner);
