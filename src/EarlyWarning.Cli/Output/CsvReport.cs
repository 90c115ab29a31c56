using System.Globalization;
using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, a quote or a line end.</summary>
internal static class CsvReport
{
    public static readonly string[] Header =
    [
        "warning_id", "rule_id", "rule_kind", "group_by", "group_key", "group_name", "province_id", "severity", "urgency", "certainty",
        "first_held_at", "last_held_at", "known_at", "late_by", "status", "resolution_reason", "resolved_at", "incident_count",
        "district_ids", "killed", "measure", "versions", "first_incident_id", "incident_ids", "headline",
    ];

    public static void Write(TextWriter output, BacktestResult result)
    {
        output.NewLine = "\r\n";
        WriteRow(output, Header);
        foreach (var w in result.Warnings)
        {
            var s = w.Warning;
            WriteRow(output,
            [
                s.WarningId, s.RuleId, s.RuleKind, s.GroupBy, s.GroupKey, s.GroupName, s.ProvinceId ?? "", s.Severity, s.Urgency, s.Certainty,
                ReportText.Iso(s.FirstHeldAt), ReportText.Iso(s.LastHeldAt), ReportText.Iso(w.KnownAt),
                w.LateBy?.ToString("c", CultureInfo.InvariantCulture) ?? "", s.Status, w.ResolutionReason ?? "",
                s.ResolvedAt is { } resolved ? ReportText.Iso(resolved) : "", s.IncidentCount.ToString(CultureInfo.InvariantCulture),
                string.Join(';', s.DistrictIds), s.Killed.ToString(CultureInfo.InvariantCulture), s.Measure.ToString(CultureInfo.InvariantCulture),
                w.Versions.ToString(CultureInfo.InvariantCulture), s.FirstIncidentId, string.Join(';', s.Incidents.Select(i => i.IncidentId)), s.Headline,
            ]);
        }
    }

    /// <summary>Each row as a CRLF-ended line, the first one being the header.</summary>
    public static void WriteRows(TextWriter output, IEnumerable<string[]> rows)
    {
        output.NewLine = "\r\n";
        foreach (var row in rows)
            WriteRow(output, row);
    }

    private static void WriteRow(TextWriter output, IEnumerable<string> fields) =>
        output.WriteLine(string.Join(',', fields.Select(Field)));

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
