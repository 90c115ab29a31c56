using System.Globalization;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Sources.Feed.Acled;

namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>
/// Maps one ACLED row to an <see cref="IncidentReported"/>, or says why it cannot. Nothing is guessed
/// silently: a row whose time, place or kind of event the contracts cannot express is <see cref="Unmappable"/>,
/// with the reason. docs/feed.md describes every rule.
/// </summary>
internal sealed partial class AcledMapper(ReportDefaults defaults, Gazetteer.Gazetteer gazetteer, TimeProvider clock)
{
    public const int MaxTextLength = 4000;

    public MappingResult Map(AcledRow row)
    {
        if (!row.Country.Equals("Pakistan", StringComparison.OrdinalIgnoreCase))
        {
            return new Unmappable(row.Country.Length == 0
                ? "country is empty: the feed imports incidents in Pakistan only"
                : $"country is {row.Country}, not Pakistan: the feed imports incidents in Pakistan only");
        }
        if (!AcledActorTypes.TryParse(row.Inter1, out var inter1))
            return new Unmappable($"inter1 '{row.Inter1}' is not an ACLED actor type (1–8, or a name such as 'State forces')");
        if (!AcledActorTypes.TryParse(row.Inter2, out var inter2))
            return new Unmappable($"inter2 '{row.Inter2}' is not an ACLED actor type (1–8, or a name such as 'Civilians')");
        int? fatalities = null;
        if (row.Fatalities.Length > 0)
        {
            if (!int.TryParse(row.Fatalities, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                return new Unmappable($"fatalities '{row.Fatalities}' is not a whole number of 0 or more");
            fatalities = count;
        }
        var acledEvent = new AcledEvent(row, inter1, inter2, fatalities);

        var classification = IncidentTypeTable.Classify(acledEvent);
        if (classification.IncidentType is not { } incidentType)
            return new Unmappable(classification.Reason!);

        if (!TryOccurred(row, out var occurredAt, out var problem)
            || !TryPrecision(row, out var precision, out problem)
            || !TryReported(row, occurredAt, out var reportedAt, out problem)
            || !TryLocate(row, out var location, out problem))
        {
            return new Unmappable(problem);
        }

        var (casualties, sideUnknown) = Casualties(acledEvent);
        var perpetrator = ActorNames.Perpetrator(row.Actor1);
        var report = new IncidentReported(
            defaults.SourceId,
            row.EventIdCnty,
            defaults.Reliability,
            defaults.Credibility,
            reportedAt,
            occurredAt,
            precision,
            location,
            incidentType,
            Targets(acledEvent, incidentType),
            casualties,
            perpetrator,
            perpetrator is null ? ClaimStatus.Unknown : NotesSignals.SaysClaimed(row.Notes) ? ClaimStatus.Claimed : ClaimStatus.Attributed,
            Text(row.Notes, sideUnknown ? fatalities : null));

        return ReportChecks.Problem(report, clock.GetUtcNow()) is { } invalid ? new Unmappable(invalid) : new Mapped(report);
    }

    /// <summary>
    /// ACLED's notes, at most <see cref="MaxTextLength"/> characters. When the fatalities cannot be put on a side,
    /// the figure is kept in a last line rather than lost.
    /// </summary>
    internal static string? Text(string notes, int? fatalitiesOnNoSide)
    {
        var note = fatalitiesOnNoSide is { } count
            ? $"[ACLED: {count} fatalit{(count == 1 ? "y" : "ies")}, side not stated]"
            : null;
        var room = note is null ? MaxTextLength : MaxTextLength - note.Length - 1;
        var text = notes.Length <= room ? notes : Truncate(notes, room);
        if (note is not null)
            text = text.Length == 0 ? note : text + "\n" + note;
        return text.Length == 0 ? null : text;
    }

    private static string Truncate(string text, int length)
    {
        var cut = length - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
