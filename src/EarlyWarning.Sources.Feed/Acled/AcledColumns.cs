namespace EarlyWarning.Sources.Feed.Acled;

/// <summary>The columns of ACLED's export the feed reads, by their header names.</summary>
internal static class AcledColumns
{
    public const string EventIdCnty = "event_id_cnty";
    public const string EventDate = "event_date";
    public const string Year = "year";
    public const string TimePrecision = "time_precision";
    public const string DisorderType = "disorder_type";
    public const string EventType = "event_type";
    public const string SubEventType = "sub_event_type";
    public const string Actor1 = "actor1";
    public const string AssocActor1 = "assoc_actor_1";
    public const string Inter1 = "inter1";
    public const string Actor2 = "actor2";
    public const string AssocActor2 = "assoc_actor_2";
    public const string Inter2 = "inter2";
    public const string Interaction = "interaction";
    public const string CivilianTargeting = "civilian_targeting";
    public const string Iso = "iso";
    public const string Region = "region";
    public const string Country = "country";
    public const string Admin1 = "admin1";
    public const string Admin2 = "admin2";
    public const string Admin3 = "admin3";
    public const string Location = "location";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string GeoPrecision = "geo_precision";
    public const string Source = "source";
    public const string SourceScale = "source_scale";
    public const string Notes = "notes";
    public const string Fatalities = "fatalities";
    public const string Tags = "tags";
    public const string Timestamp = "timestamp";

    /// <summary>
    /// What a row cannot be mapped without. The other columns are read when present: older exports lack
    /// <c>civilian_targeting</c>, and an export trimmed by hand may lack <c>timestamp</c> or <c>year</c>.
    /// </summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        EventIdCnty, EventDate, TimePrecision, EventType, SubEventType, Actor1, Inter1, Actor2, Inter2,
        Country, Admin1, Admin2, Location, Latitude, Longitude, GeoPrecision, Notes, Fatalities,
    ];
}
