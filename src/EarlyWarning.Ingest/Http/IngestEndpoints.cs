using System.Diagnostics;
using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest.Pipeline;
using EarlyWarning.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EarlyWarning.Ingest.Http;

/// <summary>
/// Ingest over HTTP: <c>POST /api/incidents</c> (one report or an array), corrections and retractions, one
/// incident with its history, and the rejections recorded from the bus. A request is answered only when what
/// it reported is durable; a request with any error records nothing and lists every error.
/// </summary>
public static class IngestEndpoints
{
    /// <summary>Largest body accepted: a full batch of reports with long texts fits.</summary>
    private const long MaxBodyBytes = 8 * 1024 * 1024;

    private const string TooLargeAdvice = "send large batches in parts";

    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/incidents", PostIncidentsAsync);
        app.MapPost("/api/incidents/corrections", PostCorrectionAsync);
        app.MapPost("/api/incidents/retractions", PostRetractionAsync);
        app.MapGet("/api/incidents/{id}", GetIncidentAsync);
        app.MapGet("/api/rejections", GetRejectionsAsync);
        return app;
    }

    private static async Task<IResult> PostIncidentsAsync(HttpContext context, IncidentIngest ingest, IngestOptions options)
    {
        var (document, problem) = await JsonBody.ReadAsync(context, MaxBodyBytes, TooLargeAdvice).ConfigureAwait(false);
        if (problem is not null)
            return problem;
        using (document)
        {
            var root = document!.RootElement;
            var batch = root.ValueKind == JsonValueKind.Array;
            var elements = batch ? root.EnumerateArray().ToList() : [root];
            if (batch && elements.Count == 0)
                return Problems.Create(StatusCodes.Status400BadRequest, "The batch is empty", "Send one report as an object, or an array of 1 or more reports.");
            if (elements.Count > options.MaxBatch)
            {
                return Problems.Create(StatusCodes.Status413PayloadTooLarge, "The batch is too large",
                    $"{elements.Count:N0} reports in one request; at most {options.MaxBatch:N0} are accepted. Send them in parts.");
            }

            var reports = new List<IncidentReported>(elements.Count);
            var errors = new List<FieldError>();
            for (var i = 0; i < elements.Count; i++)
            {
                var prefix = batch ? $"[{i}]" : "";
                var (report, bindErrors) = JsonBody.Bind<IncidentReported>(elements[i], prefix);
                errors.AddRange(bindErrors);
                if (report is null)
                    continue;
                errors.AddRange(ingest.Check(report)
                    .Select(e => batch ? e with { Field = e.Field == "$" ? prefix : $"{prefix}.{e.Field}" } : e)
                    .Where(e => !bindErrors.Any(b => JsonBody.Overlaps(b.Field, e.Field))));
                reports.Add(report);
            }
            if (errors.Count > 0)
                return Problems.Invalid(batch ? "The batch has invalid reports" : "The report is not valid", errors);

            var correlationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            IngestOutcome[] outcomes;
            try
            {
                outcomes = await Task.WhenAll(reports.Select(r => ingest.ReportAsync(r, correlationId, context.RequestAborted))).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is StoreUnavailableException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
            {
                return Unavailable(exception);
            }

            var responses = outcomes.Select((o, i) => IngestResponse.From(o, reports[i].SourceId, reports[i].ReportId)).ToList();
            if (batch)
                return TypedResults.Ok(new { results = responses });
            return outcomes[0].Status == IngestStatus.Recorded
                ? TypedResults.Created(responses[0].Incident, responses[0])
                : TypedResults.Ok(responses[0]);
        }
    }

    private static Task<IResult> PostCorrectionAsync(HttpContext context, IncidentIngest ingest) =>
        PostChangeAsync<IncidentCorrected>(context, "The correction is not valid", (m, c, t) => ingest.CorrectAsync(m, c, t), m => (m.SourceId, m.ReportId));

    private static Task<IResult> PostRetractionAsync(HttpContext context, IncidentIngest ingest) =>
        PostChangeAsync<IncidentRetracted>(context, "The retraction is not valid", (m, c, t) => ingest.RetractAsync(m, c, t), m => (m.SourceId, m.ReportId));

    private static async Task<IResult> PostChangeAsync<T>(
        HttpContext context, string invalidTitle, Func<T, string, CancellationToken, Task<IngestOutcome>> submit, Func<T, (string SourceId, string ReportId)> key) where T : class
    {
        var (document, problem) = await JsonBody.ReadAsync(context, MaxBodyBytes, TooLargeAdvice).ConfigureAwait(false);
        if (problem is not null)
            return problem;
        using (document)
        {
            var (message, bindErrors) = JsonBody.Bind<T>(document!.RootElement, "");
            if (bindErrors.Count > 0)
                return Problems.Invalid(invalidTitle, bindErrors);
            IngestOutcome outcome;
            try
            {
                outcome = await submit(message!, Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is StoreUnavailableException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
            {
                return Unavailable(exception);
            }
            var (sourceId, reportId) = key(message!);
            return outcome.Status switch
            {
                IngestStatus.Rejected => Problems.Invalid(invalidTitle, outcome.Errors),
                IngestStatus.UnknownReport => Problems.Create(StatusCodes.Status404NotFound, "No such report", outcome.Errors[0].Message),
                IngestStatus.Conflict => Problems.Create(StatusCodes.Status409Conflict, "The report was retracted", outcome.Errors[0].Message),
                _ => TypedResults.Ok(IngestResponse.From(outcome, sourceId, reportId)),
            };
        }
    }

    private static async Task<IResult> GetIncidentAsync(string id, IEventStore store, EventTypeRegistry registry, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64 || !id.All(char.IsAsciiLetterOrDigit))
            return Problems.Create(StatusCodes.Status404NotFound, "No such incident", $"'{id}' is not an incident id.");
        var history = new List<object>();
        IncidentSummary? summary = null;
        var reports = new List<RecordedReport>();
        var retracted = new List<object>();
        await foreach (var recorded in store.ReadStreamAsync(IncidentStreams.Incident(id), Direction.Forwards, StreamRevision.Start, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var @event = registry.Deserialize(recorded);
            switch (@event)
            {
                case IncidentRecorded e: reports.Add(e.Report); summary = e.Incident; break;
                case IncidentCorroborated e: reports.Add(e.Report); summary = e.Incident; break;
                case ReportCorrected e:
                    reports[reports.FindIndex(r => r.SourceId == e.SourceId && r.ReportId == e.ReportId)] = e.Report;
                    summary = e.Incident;
                    break;
                case ReportRetracted e:
                    retracted.Add(new { e.SourceId, e.ReportId, e.RetractedAt, e.Reason });
                    summary = e.Incident;
                    break;
            }
            history.Add(new { revision = recorded.Revision.Value, position = recorded.Position.Value, type = recorded.Type, recordedAt = recorded.RecordedAt, source = recorded.Metadata.Source });
        }
        if (summary is null)
            return Problems.Create(StatusCodes.Status404NotFound, "No such incident", $"No incident '{id}' is recorded.");
        return TypedResults.Ok(new { incident = summary, reports, retracted, history });
    }

    private static async Task<IResult> GetRejectionsAsync(RejectionLog rejections, string? limit, string? before, CancellationToken cancellationToken)
    {
        var count = 50;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > 500))
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad limit", $"limit must be a whole number from 1 to 500, not '{limit}'.");
        long? beforeRevision = null;
        if (before is not null)
        {
            if (!long.TryParse(before, out var b) || b < 0)
                return Problems.Create(StatusCodes.Status400BadRequest, "Bad cursor", $"before must be a revision of the rejections stream (a whole number ≥ 0), not '{before}'.");
            beforeRevision = b;
        }
        var latest = await rejections.LatestAsync(count, beforeRevision, cancellationToken).ConfigureAwait(false);
        var items = latest.Select(x => new
        {
            revision = x.Recorded.Revision.Value,
            position = x.Recorded.Position.Value,
            recordedAt = x.Recorded.RecordedAt,
            x.Rejection.MessageType,
            x.Rejection.SourceId,
            x.Rejection.ReportId,
            x.Rejection.MessageId,
            x.Rejection.Errors,
            x.Rejection.Excerpt,
            x.Rejection.RejectedAt,
        }).ToList();
        var next = items.Count == count && items[^1].revision > 0 ? $"/api/rejections?limit={count}&before={items[^1].revision}" : null;
        return TypedResults.Ok(new { rejections = items, next });
    }

    private static IResult Unavailable(Exception exception) =>
        Problems.StoreUnavailable(exception, "Nothing was acknowledged:", "Send again later; a report sent twice is recorded once.");
}
