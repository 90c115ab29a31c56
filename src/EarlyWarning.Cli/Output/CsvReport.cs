using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>RFC 4180 (<see cref="CsvWriter"/>): CRLF line ends, a header row, fields quoted when they hold a comma, a quote or a line end.</summary>
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
        var csv = new CsvWriter(output);
        Row(csv, Header);
        foreach (var w in result.Warnings)
        {
            var s = w.Warning;
            foreach (var field in (ReadOnlySpan<string>)[s.WarningId, s.RuleId, s.RuleKind, s.GroupBy, s.GroupKey, s.GroupName, s.ProvinceId ?? "", s.Severity, s.Urgency, s.Certainty])
                csv.Field(field);
            csv.Time(s.FirstHeldAt);
            csv.Time(s.LastHeldAt);
            csv.Time(w.KnownAt);
            csv.Duration(w.LateBy);
            csv.Field(s.Status);
            csv.Field(w.ResolutionReason ?? "");
            csv.Time(s.ResolvedAt);
            csv.Number(s.IncidentCount);
            csv.Joined(s.DistrictIds);
            csv.Number(s.Killed);
            csv.Number(s.Measure);
            csv.Number(w.Versions);
            csv.Field(s.FirstIncidentId);
            csv.Joined(s.Incidents.Select(i => i.IncidentId));
            csv.Field(s.Headline);
            csv.EndRow();
        }
    }

    /// <summary>Each row as a CRLF-ended line, the first one being the header.</summary>
    public static void WriteRows(TextWriter output, IEnumerable<string[]> rows)
    {
        var csv = new CsvWriter(output);
        foreach (var row in rows)
            Row(csv, row);
    }

    private static void Row(CsvWriter csv, string[] fields)
    {
        foreach (var field in fields)
            csv.Field(field);
        csv.EndRow();
    }
}
