using System.Text;
using EarlyWarning.Sources.Feed.Acled;

namespace EarlyWarning.Sources.Feed.Tests;

/// <summary>ACLED rows and files for tests: one valid row to vary with <c>with</c>, written in ACLED's column order.</summary>
internal static class AcledFile
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>TTP attack a military post in Bannu on 31 January 2026, 2 killed; ACLED published it on 3 February 2026.</summary>
    public static AcledRow Row() => new(0)
    {
        EventIdCnty = "PAK100",
        EventDate = "31 January 2026",
        Year = "2026",
        TimePrecision = "1",
        DisorderType = "Political violence",
        EventType = "Battles",
        SubEventType = "Armed clash",
        Actor1 = "TTP: Tehreek-i-Taliban Pakistan",
        Inter1 = "2",
        Actor2 = "Military Forces of Pakistan (2018-)",
        Inter2 = "1",
        Interaction = "12",
        Iso = "586",
        Region = "Southern Asia",
        Country = "Pakistan",
        Admin1 = "Khyber Pakhtunkhwa",
        Admin2 = "Bannu",
        Admin3 = "Bannu",
        Location = "Bannu",
        Latitude = "32.9853",
        Longitude = "70.6040",
        GeoPrecision = "1",
        Source = "Dawn",
        SourceScale = "National",
        Notes = "On 31 January 2026, TTP militants attacked a military post in Bannu. 2 soldiers were killed.",
        Fatalities = "2",
        Timestamp = "1770109200", // 2026-02-03T09:00:00Z
    };

    public static string Text(params AcledRow[] rows)
    {
        var text = new StringBuilder(string.Join(',', Columns)).Append('\n');
        foreach (var row in rows)
            text.Append(string.Join(',', Values(row).Select(Quote))).Append('\n');
        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static IEnumerable<string> Values(AcledRow r) =>
    [
        r.EventIdCnty, r.EventDate, r.Year, r.TimePrecision, r.DisorderType, r.EventType, r.SubEventType,
        r.Actor1, r.AssocActor1, r.Inter1, r.Actor2, r.AssocActor2, r.Inter2, r.Interaction, r.CivilianTargeting,
        r.Iso, r.Region, r.Country, r.Admin1, r.Admin2, r.Admin3, r.Location, r.Latitude, r.Longitude, r.GeoPrecision,
        r.Source, r.SourceScale, r.Notes, r.Fatalities, r.Tags, r.Timestamp,
    ];
}
