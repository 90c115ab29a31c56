using EarlyWarning.Contracts.Partners;
using EarlyWarning.Gazetteer;
using EarlyWarning.Partners.Entitlements;

namespace EarlyWarning.Partners.Registry;

/// <summary>An entitlement as the partner events record it (<see cref="PartnerEntitlement"/>), and back.</summary>
internal static class RecordedEntitlement
{
    public static PartnerEntitlement From(Entitlement entitlement)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        var point = entitlement.Area is { } area ? new PartnerPoint(area.Centre.Latitude, area.Centre.Longitude, area.RadiusKm) : null;
        return new PartnerEntitlement(entitlement.Provinces, point, entitlement.Kinds, entitlement.MinimumSeverity, entitlement.Allow.SourceIdentities, entitlement.Allow.Notes);
    }

    public static Entitlement ToEntitlement(PartnerEntitlement recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var area = recorded.Point is { } point ? new EntitlementArea(new GeoPoint(point.Latitude, point.Longitude), point.RadiusKm) : null;
        return new Entitlement(recorded.Provinces, area, recorded.Kinds, recorded.MinimumSeverity, new Allow(recorded.AllowSourceIdentities, recorded.AllowNotes));
    }
}
