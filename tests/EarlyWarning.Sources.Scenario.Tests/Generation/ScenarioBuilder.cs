using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>A report the builder wrote, for a later correction or retraction of it.</summary>
internal sealed record ReportRef(string Incident, Source Source, string ReportId, DateTimeOffset ReportedAt);

/// <summary>
/// Collects the scenario's messages, gives each source's reports their ids, and writes the file: the contract
/// records serialised with System.Text.Json's web defaults (camelCase, nulls written), indented, sorted by
/// publishAt (ties keep the order they were added in).
/// </summary>
internal sealed class ScenarioBuilder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        // Readable text (apostrophes, dashes) instead of \u escapes; the values read back the same either way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<GeneratedEntry> entries = [];
    private readonly Dictionary<string, int> sequences = new(StringComparer.Ordinal);

    public ReportRef Report(
        string incident,
        Source source,
        DateTimeOffset reportedAt,
        DateTimeOffset occurredAt,
        string precision,
        ReportedLocation location,
        string type,
        string[] targets,
        Casualties? casualties,
        string? perpetrator,
        string claimStatus,
        string text,
        int? credibility = null)
    {
        var year = reportedAt.Year.ToString(CultureInfo.InvariantCulture);
        var sequence = sequences[source.Id + year] = sequences.GetValueOrDefault(source.Id + year) + 1;
        var reportId = $"{source.Prefix}-{year}-{sequence:0000}";
        var report = new IncidentReported(
            source.Id, reportId, source.Reliability, credibility ?? source.Credibilities[0], reportedAt, occurredAt, precision,
            location, type, targets, casualties, perpetrator, claimStatus, text);
        entries.Add(new GeneratedEntry(reportedAt, ScenarioEntryKinds.Reported, incident, report));
        return new ReportRef(incident, source, reportId, reportedAt);
    }

    public void Correct(ReportRef report, DateTimeOffset correctedAt, Casualties casualties, string note)
    {
        var correction = new IncidentCorrected(report.Source.Id, report.ReportId, report.ReportId + "-c1", correctedAt, casualties, Note: note);
        entries.Add(new GeneratedEntry(correctedAt, ScenarioEntryKinds.Corrected, report.Incident, correction));
    }

    public void Retract(ReportRef report, DateTimeOffset retractedAt, string reason)
    {
        var retraction = new IncidentRetracted(report.Source.Id, report.ReportId, retractedAt, reason);
        entries.Add(new GeneratedEntry(retractedAt, ScenarioEntryKinds.Retracted, report.Incident, retraction));
    }

    public string ToJson(string title, string notice, ScenarioSources sources, DateTimeOffset liveFrom)
    {
        // OrderBy is stable: messages published at the same time keep the order they were added in.
        var messages = entries.OrderBy(e => e.PublishAt).ToList();
        var file = new GeneratedFile(title, Illustrative: true, notice, sources, liveFrom, messages);
        return JsonSerializer.Serialize(file, Json) + "\n";
    }

    private sealed record GeneratedFile(string Title, bool Illustrative, string Notice, ScenarioSources Sources, DateTimeOffset LiveFrom, IReadOnlyList<GeneratedEntry> Messages);

    // Message is typed object so that the serializer writes the runtime record's members.
    private sealed record GeneratedEntry(DateTimeOffset PublishAt, string Kind, string Incident, object Message);
}
