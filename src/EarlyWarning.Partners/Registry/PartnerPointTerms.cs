namespace EarlyWarning.Partners.Registry;

/// <summary>The <c>point</c> of <see cref="PartnerTerms"/>, unchecked.</summary>
internal sealed record PartnerPointTerms(double? Latitude, double? Longitude, double? RadiusKm);
