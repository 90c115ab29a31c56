using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Model;
using EarlyWarning.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.Rules.Http;

public static partial class RulesEndpoints
{
    /// <summary>Largest silence body accepted: a silence is a few short fields.</summary>
    private const long MaxSilenceBytes = 64 * 1024;

    private static async Task<IResult> GetSilencesAsync(IEventStore store, EventTypeRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var history = await SilenceHistory.ReadAsync(store, registry, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var active = history.All
            .Where(s => s.StatusAt(now) == SilenceRecord.Active)
            .OrderBy(s => s.Added.EndsAt).ThenBy(s => s.Added.SilenceId, StringComparer.Ordinal)
            .Select(s => SilenceView.From(s, now, Gazetteer.Gazetteer.Default))
            .ToList();
        return TypedResults.Ok(new { silences = active });
    }

    private static async Task<IResult> GetSilenceAsync(string id, IEventStore store, EventTypeRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var history = await SilenceHistory.ReadAsync(store, registry, cancellationToken).ConfigureAwait(false);
        return history.Find(id) is { } silence
            ? TypedResults.Ok(SilenceView.From(silence, clock.GetUtcNow(), Gazetteer.Gazetteer.Default))
            : NoSuchSilence(id);
    }

    private static async Task<IResult> PostSilenceAsync(HttpContext context, IEventStore store, EventTypeRegistry registry, RuleSet loaded, TimeProvider clock)
    {
        const string invalid = "The silence is not valid";
        var (document, problem) = await JsonBody.ReadAsync(context, MaxSilenceBytes).ConfigureAwait(false);
        if (problem is not null)
            return problem;
        using (document)
        {
            var body = document!.RootElement;
            var (request, bindErrors) = JsonBody.Bind<SilenceRequest>(body);
            if (request is null)
                return Problems.Invalid(invalid, bindErrors);

            try
            {
                var activation = await RuleSetInForce.ReadAsync(store, registry, context.RequestAborted).ConfigureAwait(false);
                var ruleIds = activation?.RuleIds ?? loaded.Rules.Select(r => r.Id).ToList();
                var now = clock.GetUtcNow();
                var (silence, errors) = SilenceRequestValidator.Validate(request, body, ruleIds, Gazetteer.Gazetteer.Default, EventIds.New().ToString("N"), now);
                // A field the JSON already got wrong is reported once, as the JSON error.
                var all = bindErrors.Concat(errors.Where(e => !bindErrors.Any(b => b.Field == e.Field))).ToList();
                if (all.Count > 0)
                    return Problems.Invalid(invalid, all);

                var result = await store.AppendToStreamAsync(RuleStreams.Silences, ExpectedRevision.Any, registry.ToEventData(silence!, EventIds.New(), RequestMetadata.From(context, "rules-api")), context.RequestAborted)
                    .ConfigureAwait(false);
                var createdAt = now;
                await foreach (var recorded in store.ReadStreamAsync(RuleStreams.Silences, Direction.Backwards, result.LastRevision, 1, context.RequestAborted).ConfigureAwait(false))
                    createdAt = recorded.RecordedAt;
                var view = SilenceView.From(new SilenceRecord(silence!, createdAt, null, null), now, Gazetteer.Gazetteer.Default);
                return TypedResults.Created($"/api/silences/{silence!.SilenceId}", view);
            }
            catch (StoreUnavailableException ex)
            {
                return Unavailable(ex);
            }
        }
    }

    private static async Task<IResult> DeleteSilenceAsync(string id, string? by, HttpContext context, IEventStore store, EventTypeRegistry registry, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(by) || by.Trim().Length > SilenceRequestValidator.MaxTextLength)
        {
            return Problems.Invalid("The removal is not valid", [new FieldError("by", string.IsNullOrWhiteSpace(by)
                ? "is required: who removes the silence, e.g. ?by=duty-officer."
                : $"must be at most {SilenceRequestValidator.MaxTextLength} characters.")]);
        }
        try
        {
            while (true)
            {
                var history = await SilenceHistory.ReadAsync(store, registry, context.RequestAborted).ConfigureAwait(false);
                var now = clock.GetUtcNow();
                switch (history.Find(id))
                {
                    case null:
                        return NoSuchSilence(id);
                    case { RemovedBy: { } removedBy } removed:
                        return Problems.Create(StatusCodes.Status404NotFound, "The silence was already removed",
                            $"Silence {id} was removed by {removedBy} at {removed.RemovedAt:u}.");
                    case var silence when silence.StatusAt(now) == SilenceRecord.Expired:
                        return Problems.Create(StatusCodes.Status404NotFound, "The silence has expired",
                            $"Silence {id} ended at {silence.Added.EndsAt:u}; there is nothing left to remove.");
                }
                try
                {
                    var removal = new SilenceRemoved(id, by.Trim());
                    await store.AppendToStreamAsync(RuleStreams.Silences, ExpectedRevision.Exact(history.LastRevision!.Value), registry.ToEventData(removal, EventIds.New(), RequestMetadata.From(context, "rules-api")), context.RequestAborted)
                        .ConfigureAwait(false);
                    return TypedResults.NoContent();
                }
                catch (WrongExpectedVersionException)
                {
                    // Something was added to the stream since it was read, perhaps this very removal by another
                    // operator: read it again rather than record the silence removed twice.
                }
            }
        }
        catch (StoreUnavailableException ex)
        {
            return Unavailable(ex);
        }
    }

    private static IResult NoSuchSilence(string id) =>
        Problems.Create(StatusCodes.Status404NotFound, "No such silence", $"No silence '{id}' is recorded.");

    private static IResult Unavailable(Exception exception) => Problems.StoreUnavailable(exception);
}
