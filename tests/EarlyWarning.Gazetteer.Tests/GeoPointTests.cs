using Xunit;

namespace EarlyWarning.Gazetteer.Tests;

public sealed class GeoPointTests
{
    [Fact]
    public void a_degree_of_latitude_is_about_111_km()
    {
        // Quetta to Karachi lie almost on one meridian: 5.32 degrees apart.
        var distance = new GeoPoint(30.18, 67.00).KilometresTo(new GeoPoint(24.86, 67.00));

        Assert.InRange(distance, 590.5, 592.5);
    }

    [Fact]
    public void the_distance_is_symmetric_and_zero_to_itself()
    {
        GeoPoint gwadar = new(25.12, 62.33), peshawar = new(34.01, 71.58);

        Assert.Equal(gwadar.KilometresTo(peshawar), peshawar.KilometresTo(gwadar), 6);
        Assert.Equal(0, gwadar.KilometresTo(gwadar), 6);
        Assert.InRange(gwadar.KilometresTo(peshawar), 1250, 1350);
    }
}
