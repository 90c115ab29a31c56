using EarlyWarning.Gazetteer;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Engine;

/// <summary>The box a proximity rule tests first must never leave out a point the haversine distance puts within the radius.</summary>
public sealed class SiteBoxTests
{
    [Theory]
    [InlineData(0.0, 25.0, 10)]
    [InlineData(25.1, 62.3, 25)]
    [InlineData(30.18, 66.99, 50)]
    [InlineData(36.9, 74.5, 100)]
    [InlineData(-33.9, 151.2, 40)]
    [InlineData(70.0, 20.0, 150)]
    [InlineData(88.5, 0.0, 60)]
    [InlineData(-16.5, 179.95, 30)]
    public void every_point_within_the_radius_of_a_site_is_in_its_box(double latitude, double longitude, double radiusKm)
    {
        var site = new CriticalSite("s", "Site", latitude, longitude, "p", null);
        var box = SiteBox.Around(site, radiusKm);
        var centre = new GeoPoint(latitude, longitude);
        var random = new Random(17);
        for (var i = 0; i < 20_000; i++)
        {
            // Points on and near the circle, in every direction, most of them just inside it.
            var point = Destination(centre, 360 * random.NextDouble(), radiusKm * Math.Sqrt(random.NextDouble()) * 0.9999);
            Assert.True(centre.KilometresTo(point) <= radiusKm);
            Assert.True(box.Holds(point), $"{point} is {centre.KilometresTo(point):0.###} km from {centre}, within {radiusKm} km, but outside the box {box}");
        }
    }

    [Fact]
    public void a_point_far_from_the_site_is_outside_its_box()
    {
        var box = SiteBox.Around(new CriticalSite("gwadar", "Gwadar port", 25.12, 62.33, "balochistan", null), 25);

        Assert.False(box.Holds(new GeoPoint(30.18, 66.99)));
        Assert.False(box.Holds(new GeoPoint(25.12, 63.5)));
        Assert.True(box.Holds(new GeoPoint(25.12, 62.33)));
    }

    private static GeoPoint Destination(GeoPoint from, double bearingDegrees, double km)
    {
        const double R = 6371.0088;
        double Rad(double d) => d * Math.PI / 180;
        double Deg(double r) => r * 180 / Math.PI;
        var φ1 = Rad(from.Latitude);
        var λ1 = Rad(from.Longitude);
        var θ = Rad(bearingDegrees);
        var δ = km / R;
        var φ2 = Math.Asin((Math.Sin(φ1) * Math.Cos(δ)) + (Math.Cos(φ1) * Math.Sin(δ) * Math.Cos(θ)));
        var λ2 = λ1 + Math.Atan2(Math.Sin(θ) * Math.Sin(δ) * Math.Cos(φ1), Math.Cos(δ) - (Math.Sin(φ1) * Math.Sin(φ2)));
        return new GeoPoint(Deg(φ2), Deg(λ2));
    }
}
