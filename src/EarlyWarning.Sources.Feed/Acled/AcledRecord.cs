namespace EarlyWarning.Sources.Feed.Acled;

/// <summary>
/// A record of an ACLED file: an <see cref="AcledRow"/> or a <see cref="MalformedRecord"/>, consumed with <c>switch</c>.
/// </summary>
internal abstract record AcledRecord(int Line);
