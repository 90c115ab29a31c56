using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Sources.Feed.Acled;

namespace EarlyWarning.Sources.Feed.Mapping;

internal sealed partial class AcledMapper
{
    // ACLED's export tool writes "31 January 2026", its API "2026-01-31"; spreadsheets re-save either.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "d-MMMM-yyyy", "d MMM yyyy", "d-MMM-yyyy"];

    /// <summary>event_date, as midnight UTC of that day (ACLED gives no time of day).</summary>
    private static bool TryOccurred(AcledRow row, out DateTimeOffset occurredAt, [NotNullWhen(false)] out string? problem)
    {
        occurredAt = default;
        if (!DateOnly.TryParseExact(row.EventDate, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem = row.EventDate.Length == 0
                ? "event_date is empty"
                : $"event_date '{row.EventDate}' is not a date such as '31 January 2026' or '2026-01-31'";
            return false;
        }
        if (row.Year.Length > 0 && row.Year != date.Year.ToString(CultureInfo.InvariantCulture))
        {
            problem = $"event_date {row.EventDate} and year {row.Year} disagree";
            return false;
        }
        occurredAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        problem = null;
        return true;
    }

    /// <summary>ACLED's time_precision: 1 is the day itself; 2 (a week) and 3 (a month) are coarser than any precision the contracts have.</summary>
    private static bool TryPrecision(AcledRow row, [NotNullWhen(true)] out string? precision, [NotNullWhen(false)] out string? problem)
    {
        precision = row.TimePrecision == "1" ? TimePrecision.Day : null;
        problem = row.TimePrecision switch
        {
            "1" => null,
            "2" => "time_precision 2 (ACLED: the date is known to within a week) cannot be expressed: the coarsest occurred-at precision is a day",
            "3" => "time_precision 3 (ACLED: the date is known to within a month) cannot be expressed: the coarsest occurred-at precision is a day",
            "" => "time_precision is empty: expected 1 (the day is known)",
            _ => $"time_precision '{row.TimePrecision}' is not ACLED's 1, 2 or 3",
        };
        return precision is not null;
    }

    /// <summary>When ACLED last published the row (its <c>timestamp</c>, Unix seconds), else the event's day.</summary>
    private static bool TryReported(AcledRow row, DateTimeOffset occurredAt, out DateTimeOffset reportedAt, [NotNullWhen(false)] out string? problem)
    {
        reportedAt = occurredAt;
        problem = null;
        if (row.Timestamp.Length == 0)
            return true;
        // 946684800 is 2000-01-01: ACLED's data start in 1997, but its timestamps only in the 2010s.
        if (!long.TryParse(row.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 946684800 || seconds > 253402300799)
        {
            problem = $"timestamp '{row.Timestamp}' is not a time in Unix seconds";
            return false;
        }
        reportedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
