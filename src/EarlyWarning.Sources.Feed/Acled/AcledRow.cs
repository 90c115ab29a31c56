namespace EarlyWarning.Sources.Feed.Acled;

/// <summary>One row of an ACLED export, each field trimmed; a column the file lacks reads as empty.</summary>
/// <param name="Line">The physical line the row starts on.</param>
internal sealed record AcledRow(int Line) : AcledRecord(Line)
{
    public string EventIdCnty { get; init; } = "";
    public string EventDate { get; init; } = "";
    public string Year { get; init; } = "";
    public string TimePrecision { get; init; } = "";
    public string DisorderType { get; init; } = "";
    public string EventType { get; init; } = "";
    public string SubEventType { get; init; } = "";
    public string Actor1 { get; init; } = "";
    public string AssocActor1 { get; init; } = "";
    public string Inter1 { get; init; } = "";
    public string Actor2 { get; init; } = "";
    public string AssocActor2 { get; init; } = "";
    public string Inter2 { get; init; } = "";
    public string Interaction { get; init; } = "";
    public string CivilianTargeting { get; init; } = "";
    public string Iso { get; init; } = "";
    public string Region { get; init; } = "";
    public string Country { get; init; } = "";
    public string Admin1 { get; init; } = "";
    public string Admin2 { get; init; } = "";
    public string Admin3 { get; init; } = "";
    public string Location { get; init; } = "";
    public string Latitude { get; init; } = "";
    public string Longitude { get; init; } = "";
    public string GeoPrecision { get; init; } = "";
    public string Source { get; init; } = "";
    public string SourceScale { get; init; } = "";
    public string Notes { get; init; } = "";
    public string Fatalities { get; init; } = "";
    public string Tags { get; init; } = "";
    public string Timestamp { get; init; } = "";
}
