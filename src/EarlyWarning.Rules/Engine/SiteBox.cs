using EarlyWarning.Gazetteer;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// A latitude and longitude box that holds every point within a radius of a site, with room to spare: a point
/// outside it is not near the site, which a few comparisons say before any trigonometry.
/// </summary>
internal readonly record struct SiteBox(double MinLatitude, double MaxLatitude, double Longitude, double HalfWidth)
{
    // A degree of latitude is 111.2 km on the sphere the haversine distance assumes; 110 km makes the box larger.
    private const double KilometresPerDegree = 110;

    public static SiteBox Around(CriticalSite site, double radiusKm)
    {
        var dLat = radiusKm / KilometresPerDegree;
        // A degree of longitude shrinks with the cosine of the latitude: take it at the box's edge nearer the pole and
        // double the width, so the box stays conservative without a closer argument. Near a pole, every longitude.
        var poleward = Math.Abs(site.Latitude) + dLat;
        var halfWidth = poleward >= 89 ? 180 : 2 * radiusKm / (KilometresPerDegree * Math.Cos(poleward * Math.PI / 180));
        return new SiteBox(site.Latitude - dLat, site.Latitude + dLat, site.Longitude, halfWidth);
    }

    public bool Holds(GeoPoint point)
    {
        if (point.Latitude < MinLatitude || point.Latitude > MaxLatitude)
            return false;
        // The difference in longitude the short way round, so a site near the antimeridian keeps its other side.
        var dLon = Math.Abs(point.Longitude - Longitude) % 360;
        return Math.Min(dLon, 360 - dLon) <= HalfWidth;
    }
}
