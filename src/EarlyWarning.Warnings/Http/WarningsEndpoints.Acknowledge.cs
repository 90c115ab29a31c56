using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Soc;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Warnings.Board;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.Warnings.Http;

public static partial class WarningsEndpoints
{
    public const int MaxNoteLength = 2000;
    private const long MaxAckBytes = 16 * 1024;

    // Dispatch appends deliveries to the same stream at any moment; an acknowledgement that loses that race
    // reads the stream again, a few times at most.
    private const int AppendAttempts = 5;

    private static readonly TimeSpan ReadOwnWrite = TimeSpan.FromSeconds(2);

    private static async Task<IResult> AcknowledgeAsync(
        string id, HttpContext context, IEventStore store, EventTypeRegistry registry, WarningBoard board, TimeProvider clock)
    {
        if (!IsWarningId(id))
            return NoSuchWarning(id);
        var (note, problem) = await ReadNoteAsync(context).ConfigureAwait(false);
        if (problem is not null)
            return problem;

        var caller = context.Caller();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (warning, history) = await PictureHistory.WarningAsync(store, registry, id, context.RequestAborted).ConfigureAwait(false);
                if (warning is null)
                    return NoSuchWarning(id);
                if (warning.Acknowledgement is { } earlier)
                {
                    return Problems.Create(StatusCodes.Status409Conflict, "Already acknowledged",
                        $"Warning {id} was acknowledged by {earlier.By} at {earlier.AcknowledgedAt:u} (version {earlier.Version}). Nothing was changed.");
                }

                var soc = SocStreams.Soc(id);
                var last = history.LastOrDefault(e => e.Stream == soc);
                var expected = last is null ? ExpectedRevision.NoStream : ExpectedRevision.Exact(last.Revision);
                var acknowledged = new WarningAcknowledged(id, warning.Version, caller.Name, note, clock.GetUtcNow());
                try
                {
                    var result = await store.AppendToStreamAsync(soc, expected, registry.ToEventData(acknowledged, EventIds.New(), RequestMetadata.From(context, "warnings-api")), context.RequestAborted)
                        .ConfigureAwait(false);
                    // So that the list and the live stream show it by the time the operator's page asks again.
                    await board.WaitForAsync(result.LastPosition.Value, ReadOwnWrite, context.RequestAborted).ConfigureAwait(false);
                    return TypedResults.Created($"/api/warnings/{id}",
                        new AcknowledgementView(acknowledged.Version, acknowledged.By, acknowledged.Note, acknowledged.AcknowledgedAt));
                }
                catch (WrongExpectedVersionException) when (attempt < AppendAttempts)
                {
                    // Another event reached the stream since it was read: perhaps another operator's acknowledgement.
                }
            }
        }
        catch (StoreUnavailableException ex)
        {
            return Unavailable(ex);
        }
        catch (WrongExpectedVersionException ex)
        {
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "The warning is busy",
                $"Its deliveries kept changing while the acknowledgement was being recorded ({ex.Message}). Nothing was recorded; send again.");
        }
    }

    /// <summary>The optional note: no body, or <c>{"note": "..."}</c>.</summary>
    private static async Task<(string? Note, IResult? Problem)> ReadNoteAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0 || (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count == 0))
            return (null, null);
        var (document, problem) = await JsonBody.ReadAsync(context, MaxAckBytes).ConfigureAwait(false);
        if (problem is not null)
            return (null, problem);
        using (document)
        {
            var (request, errors) = JsonBody.Bind<AckRequest>(document!.RootElement);
            if (request is null || errors.Count > 0)
                return (null, Problems.Invalid("The acknowledgement is not valid", errors));
            var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            if (note is { Length: > MaxNoteLength })
                return (null, Problems.Invalid("The acknowledgement is not valid", [new FieldError("note", $"must be at most {MaxNoteLength} characters; this one has {note.Length}.")]));
            return (note, null);
        }
    }
}
