using EarlyWarning.Gazetteer;

namespace EarlyWarning.Partners.Entitlements;

/// <summary>A circle on the ground, for a partner that cares about one town rather than a province.</summary>
/// <param name="Centre">Its centre (WGS 84).</param>
/// <param name="RadiusKm">Its radius in kilometres; a point exactly on the edge is inside.</param>
public sealed record EntitlementArea(GeoPoint Centre, double RadiusKm)
{
    public bool Contains(double latitude, double longitude) => Centre.KilometresTo(new GeoPoint(latitude, longitude)) <= RadiusKm;
}
