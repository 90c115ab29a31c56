namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>What every report of one import carries: who the source is and how far it is trusted.</summary>
/// <param name="SourceId">The source id reports go out under, <c>acled</c> by default.</param>
/// <param name="Reliability">Admiralty source reliability A–F; ACLED is usually reliable (B).</param>
/// <param name="Credibility">Admiralty information credibility 1–6; ACLED's events are probably true (2).</param>
internal sealed record ReportDefaults(string SourceId, string Reliability, int Credibility)
{
    public static ReportDefaults Acled { get; } = new("acled", "B", 2);
}
