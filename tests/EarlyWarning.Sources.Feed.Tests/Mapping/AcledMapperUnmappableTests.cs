using EarlyWarning.Sources.Feed.Acled;
using Xunit;
using static EarlyWarning.Sources.Feed.Tests.Mapping.AcledMapperTypeTests;

namespace EarlyWarning.Sources.Feed.Tests.Mapping;

/// <summary>Every reason a row is reported instead of published, other than its event type (see <see cref="AcledMapperTypeTests"/>).</summary>
public sealed class AcledMapperUnmappableTests
{
    private static AcledRow Row => AcledFile.Row();

    [Fact]
    public void a_row_outside_pakistan_is_unmappable()
    {
        var row = Row with { Country = "Afghanistan", Admin1 = "Khost", Admin2 = "Tani", Location = "Tani" };
        Assert.Equal("country is Afghanistan, not Pakistan: the feed imports incidents in Pakistan only", Reason(row));
    }

    [Theory]
    [InlineData("2", "time_precision 2 (ACLED: the date is known to within a week) cannot be expressed: the coarsest occurred-at precision is a day")]
    [InlineData("3", "time_precision 3 (ACLED: the date is known to within a month) cannot be expressed: the coarsest occurred-at precision is a day")]
    [InlineData("", "time_precision is empty: expected 1 (the day is known)")]
    [InlineData("4", "time_precision '4' is not ACLED's 1, 2 or 3")]
    public void a_time_precision_other_than_the_day_is_unmappable(string precision, string reason)
    {
        Assert.Equal(reason, Reason(Row with { TimePrecision = precision }));
    }

    [Theory]
    [InlineData("31/01/2026", "event_date '31/01/2026' is not a date such as '31 January 2026' or '2026-01-31'")]
    [InlineData("", "event_date is empty")]
    [InlineData("2026-02-30", "event_date '2026-02-30' is not a date")]
    public void an_unreadable_event_date_is_unmappable(string date, string reason)
    {
        Assert.StartsWith(reason, Reason(Row with { EventDate = date }), StringComparison.Ordinal);
    }

    [Fact]
    public void an_event_date_and_year_that_disagree_are_unmappable()
    {
        Assert.Equal("event_date 31 January 2026 and year 2025 disagree", Reason(Row with { Year = "2025" }));
    }

    [Fact]
    public void an_event_date_in_the_future_is_unmappable()
    {
        Assert.Equal("event_date 2026-05-01 is in the future", Reason(Row with { EventDate = "1 May 2026", Timestamp = "" }));
    }

    [Theory]
    [InlineData("yesterday", "timestamp 'yesterday' is not a time in Unix seconds")]
    [InlineData("1769000000000", "timestamp '1769000000000' is not a time in Unix seconds")]
    [InlineData("1769731200", "timestamp 2026-01-30T00:00:00.0000000+00:00 is before event_date 2026-01-31")]
    public void a_bad_timestamp_is_unmappable(string timestamp, string reason)
    {
        Assert.StartsWith(reason, Reason(Row with { Timestamp = timestamp }), StringComparison.Ordinal);
    }

    [Fact]
    public void an_unknown_district_is_unmappable_with_the_gazetteers_reason_and_suggestions()
    {
        var row = Row with { Admin1 = "Balochistan", Admin2 = "Kachh", Location = "", Latitude = "", Longitude = "" };
        Assert.Equal(
            "location does not resolve (admin1 'Balochistan', admin2 'Kachh', location ''): Unknown district 'Kachh' in Balochistan. Did you mean Kachhi, Kech, Mach (Kachhi, Balochistan)?",
            Reason(row));
    }

    [Fact]
    public void a_district_in_another_province_is_unmappable()
    {
        Assert.Contains("District 'Bannu' is not in Balochistan", Reason(Row with { Admin1 = "Balochistan" }));
    }

    [Fact]
    public void an_unknown_province_is_unmappable()
    {
        Assert.Contains("Unknown province or territory 'Waziristan'", Reason(Row with { Admin1 = "Waziristan" }));
    }

    [Fact]
    public void a_place_known_in_another_district_is_unmappable()
    {
        Assert.Contains("Place 'Wana' is in Lower South Waziristan, not in Bannu", Reason(Row with { Location = "Wana" }));
    }

    [Fact]
    public void coordinates_outside_pakistan_are_unmappable()
    {
        Assert.Equal("latitude/longitude (33.3, 69.8e1) lie outside Pakistan", Reason(Row with { Latitude = "33.3", Longitude = "69.8e1" }));
    }

    [Fact]
    public void coordinates_far_from_the_district_are_unmappable()
    {
        Assert.Equal(
            "latitude/longitude (25.1216, 62.3254) lie 1,184 km from the centre of Bannu: the coordinates and the district disagree",
            Reason(Row with { Latitude = "25.1216", Longitude = "62.3254" }));
    }

    [Theory]
    [InlineData("32.98", "")]
    [InlineData("", "70.60")]
    [InlineData("north", "70.60")]
    public void half_a_coordinate_pair_is_unmappable(string latitude, string longitude)
    {
        Assert.Contains("are not a pair of decimal degrees", Reason(Row with { Latitude = latitude, Longitude = longitude }));
    }

    [Fact]
    public void coordinates_without_a_geo_precision_are_unmappable()
    {
        Assert.Equal("geo_precision '' is not ACLED's 1, 2 or 3", Reason(Row with { GeoPrecision = "" }));
    }

    [Theory]
    [InlineData("9")]
    [InlineData("Insurgents")]
    public void an_unknown_actor_type_is_unmappable(string inter1)
    {
        Assert.StartsWith($"inter1 '{inter1}' is not an ACLED actor type", Reason(Row with { Inter1 = inter1 }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("2.5")]
    public void fatalities_that_are_not_a_count_are_unmappable(string fatalities)
    {
        Assert.Equal($"fatalities '{fatalities}' is not a whole number of 0 or more", Reason(Row with { Fatalities = fatalities }));
    }

    [Theory]
    [InlineData("", "event_id_cnty is empty: it is the report's id")]
    [InlineData("PAK 100", "event_id_cnty 'PAK 100' is not a report id: 1–128 printable characters without spaces")]
    public void an_event_id_that_cannot_be_a_report_id_is_unmappable(string id, string reason)
    {
        Assert.Equal(reason, Reason(Row with { EventIdCnty = id }));
    }
}
