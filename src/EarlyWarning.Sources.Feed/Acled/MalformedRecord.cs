namespace EarlyWarning.Sources.Feed.Acled;

/// <summary>A record that cannot be read as a row (wrong number of fields, broken quoting).</summary>
internal sealed record MalformedRecord(int Line, string Reason) : AcledRecord(Line);
