using System.Collections.Concurrent;
using EarlyWarning.Contracts.Operators;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.ServiceDefaults.ReadModels;

/// <summary>
/// The operators' view of a process's read models and their rebuild. A rebuild is answered when the new model is in
/// place, and recorded as <see cref="ReadModelRebuilt"/> on <see cref="OperatorStreams.Audit"/>: who, what, when.
/// </summary>
internal static class ReadModelEndpoints
{
    // Per model instance, so that two apps in one process (tests, the host) never share a gate.
    private static readonly ConcurrentDictionary<IReadModel, byte> Running = new(ReferenceEqualityComparer.Instance);

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/admin/models").RequireAnyScope(ApiScopes.Operator, ApiScopes.Admin);
        models.MapGet("", List);
        models.MapPost("/{name}/rebuild", RebuildAsync);
        return app;
    }

    private static IResult List(IEnumerable<IReadModel> models) =>
        TypedResults.Ok(new { models = models.OrderBy(m => m.Name, StringComparer.Ordinal).Select(View).ToList() });

    private static async Task<IResult> RebuildAsync(
        string name, HttpContext context, IEnumerable<IReadModel> models, IEventStore store, EventTypeRegistry registry, IHostEnvironment environment)
    {
        var model = models.FirstOrDefault(m => m.Name == name);
        if (model is null)
        {
            var known = string.Join(", ", models.Select(m => m.Name).Order(StringComparer.Ordinal));
            return Problems.Create(StatusCodes.Status404NotFound, "No such read model", $"This service holds no read model '{name}'; it holds: {(known.Length > 0 ? known : "none")}. Nothing was changed.");
        }
        if (!Running.TryAdd(model, 0))
            return Problems.Create(StatusCodes.Status409Conflict, "A rebuild is already running", $"The read model '{name}' is being rebuilt; ask again when that one has finished (GET /api/admin/models). Nothing was changed.");

        ReadModelRebuild rebuild;
        try
        {
            rebuild = await model.RebuildAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            return Problems.StoreUnavailable(ex, outcome: $"The read model '{name}' was not rebuilt; the old one is still in use:", advice: "Try again later.");
        }
        finally
        {
            Running.TryRemove(model, out _);
        }

        var by = context.Caller().Name;
        var rebuilt = new ReadModelRebuilt(name, environment.ApplicationName, by, rebuild.EventsFolded, rebuild.Position, (long)rebuild.Elapsed.TotalMilliseconds, rebuild.RebuiltAt);
        try
        {
            await store.AppendToStreamAsync(OperatorStreams.Audit, ExpectedRevision.Any, registry.ToEventData(rebuilt, EventIds.New(), RequestMetadata.From(context, environment.ApplicationName)), context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            return Problems.StoreUnavailable(ex, outcome: $"The read model '{name}' was rebuilt and is in use, but the audit of it could not be recorded:", advice: "Rebuild it again later to record it.");
        }
        return TypedResults.Ok(new
        {
            name,
            by,
            eventsFolded = rebuild.EventsFolded,
            position = rebuild.Position,
            elapsedMilliseconds = rebuilt.ElapsedMilliseconds,
            rebuiltAt = rebuild.RebuiltAt,
        });
    }

    private static object View(IReadModel model)
    {
        var state = model.State;
        return new
        {
            name = model.Name,
            position = state.Position,
            caughtUp = state.CaughtUp,
            eventsFolded = state.EventsFolded,
            lastRebuiltAt = state.LastRebuiltAt,
            rebuilding = Running.ContainsKey(model),
        };
    }
}
