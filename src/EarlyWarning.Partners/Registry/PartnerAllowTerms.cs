namespace EarlyWarning.Partners.Registry;

/// <summary>The <c>allow</c> of <see cref="PartnerTerms"/>; left out is false.</summary>
internal sealed record PartnerAllowTerms(bool? SourceIdentities, bool? Notes);
