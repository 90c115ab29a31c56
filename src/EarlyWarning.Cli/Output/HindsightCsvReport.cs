using System.Globalization;
using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>The comparison with hindsight as RFC 4180, one row per warning, written as <see cref="CsvReport"/> writes.</summary>
internal static class HindsightCsvReport
{
    public static readonly string[] Header =
    [
        "outcome", "matched_by", "warning_id", "as_known_warning_id", "also_known_as", "rule_id", "group_key", "group_name", "province_id",
        "fired_at", "known_at", "delay", "severity", "severity_held_at", "severity_known_at", "severity_delay",
        "hindsight_incident_count", "as_known_incident_count", "as_known_resolution_reason", "headline",
    ];

    public static void Write(TextWriter output, HindsightResult result)
    {
        CsvReport.WriteRows(output, result.Warnings.Select(w =>
        {
            var s = (w.Hindsight ?? w.AsKnown)!.Warning;
            return new[]
            {
                w.Outcome, w.MatchedBy ?? "", w.Hindsight?.Warning.WarningId ?? "", w.AsKnown?.Warning.WarningId ?? "", string.Join(';', w.AlsoKnownAs),
                s.RuleId, s.GroupKey, s.GroupName, s.ProvinceId ?? "",
                Time(w.FiredAt), Time(w.KnownAt), Duration(w.Delay), w.Severity, Time(w.SeverityHeldAt), Time(w.SeverityKnownAt), Duration(w.SeverityDelay),
                w.Hindsight?.Warning.IncidentCount.ToString(CultureInfo.InvariantCulture) ?? "", w.AsKnown?.Warning.IncidentCount.ToString(CultureInfo.InvariantCulture) ?? "",
                w.AsKnown?.ResolutionReason ?? "", s.Headline,
            };
        }).Prepend(Header));
    }

    private static string Time(DateTimeOffset? time) => time is { } t ? ReportText.Iso(t) : "";

    private static string Duration(TimeSpan? duration) => duration?.ToString("c", CultureInfo.InvariantCulture) ?? "";
}
