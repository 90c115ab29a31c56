namespace EarlyWarning.Contracts.Partners;

/// <summary>A circle a partner is entitled to, on the ground (WGS 84).</summary>
/// <param name="Latitude">Its centre's latitude.</param>
/// <param name="Longitude">Its centre's longitude.</param>
/// <param name="RadiusKm">Its radius in kilometres.</param>
public sealed record PartnerPoint(double Latitude, double Longitude, double RadiusKm);
