using System.Globalization;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Warnings.Cap;

/// <summary>
/// Every warning as CAP 1.2: each version's document, read from the warning's stream, and an Atom feed of the
/// most recent messages, read from <see cref="CapFeedIndex"/>. Every error answers as problem details. Behind a key
/// (DESIGN §8): an operator's or administrator's sees every warning, a partner's only what its entitlement admits
/// (<see cref="ICapAudience"/>), and a warning it may not see is answered as if there were none.
/// </summary>
internal static class CapEndpoints
{
    public const int DefaultFeedLimit = 50;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/warnings/{id}/cap", GetAlertAsync).RequireAnyScope(Readers);
        app.MapGet("/api/cap/feed", GetFeed).RequireAnyScope(Readers);
        return app;
    }

    private static readonly string[] Readers = [ApiScopes.Operator, ApiScopes.Admin, ApiScopes.Partner];

    private static readonly Func<object, bool> Everything = _ => true;

    /// <summary>What the caller may read, or the 403 that answers it.</summary>
    private static (Func<object, bool>? Admits, IResult? Refusal) Audience(HttpContext context)
    {
        var caller = context.Caller();
        if (caller.Has(ApiScopes.Operator) || caller.Has(ApiScopes.Admin))
            return (Everything, null);
        return context.RequestServices.GetService<ICapAudience>()?.WarningsFor(caller) is { } admits
            ? (admits, null)
            : (null, Problems.Create(StatusCodes.Status403Forbidden, "Not entitled to warnings", $"The key '{caller.Name}' is not a partner entitled to warnings here, so it may read no CAP message."));
    }

    // version is bound as text so that a bad value answers with our problem details, not the binder's.
    private static async Task<IResult> GetAlertAsync(string id, string? version, HttpRequest request, IEventStore store, EventTypeRegistry registry, CapOptions options, CancellationToken cancellationToken)
    {
        var (admits, refusal) = Audience(request.HttpContext);
        if (refusal is not null)
            return refusal;
        int? wanted = null;
        if (version is not null)
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                return Problems.Create(StatusCodes.Status400BadRequest, "Invalid version", $"'version' must be a whole number from 1, not '{version}'.");
            wanted = number;
        }

        // A partner's view of the warning is the versions its entitlement admits (a warning may rise above its
        // minimum severity at version 3): the rest, and a warning with none, are answered as if they did not exist.
        var all = await WarningHistory.ReadAsync(store, registry, id, cancellationToken).ConfigureAwait(false);
        var history = all.Where(v => admits!(v.Event)).ToList();
        if (history.Count == 0)
            return Problems.Create(StatusCodes.Status404NotFound, "Unknown warning", $"There is no warning '{id}'.");
        var message = wanted is { } n ? history.FirstOrDefault(v => v.Version == n) : history[^1];
        if (message is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "Unknown version", history.Count == all.Count
                ? $"Warning '{id}' has versions 1 to {history[^1].Version}; there is no version {wanted}."
                : $"Warning '{id}' has no version {wanted} this key may read; it may read versions {string.Join(", ", history.Select(v => v.Version))}.");
        }

        // References name only the messages this reader could have received.
        var earlier = history.Where(v => v.Version < message.Version).ToList();
        var document = CapAlertWriter.Write(message, earlier, options, BaseUrl(request, options));
        return TypedResults.Bytes(XmlOutput.ToUtf8(document), CapAlertWriter.MediaType + "; charset=utf-8");
    }

    private static IResult GetFeed(string? limit, HttpRequest request, CapFeedIndex index, CapOptions options)
    {
        var (admits, refusal) = Audience(request.HttpContext);
        if (refusal is not null)
            return refusal;
        var count = DefaultFeedLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > CapFeedIndex.Capacity))
            return Problems.Create(StatusCodes.Status400BadRequest, "Invalid limit", $"'limit' must be a whole number from 1 to {CapFeedIndex.Capacity}, not '{limit}'.");
        if (index.CaughtUpAt is not { } caughtUpAt)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "The feed is not ready yet", "The warnings recorded so far are still being read; ask again in a moment.");
        }

        var baseUrl = BaseUrl(request, options);
        var self = new Uri($"{baseUrl.AbsoluteUri.TrimEnd('/')}/api/cap/feed{(limit is null ? "" : "?limit=" + CapFormat.Number(count))}");
        var document = AtomFeedWriter.Write(index.Latest(count, admits!), self, baseUrl, caughtUpAt);
        return TypedResults.Bytes(XmlOutput.ToUtf8(document), AtomFeedWriter.MediaType + "; charset=utf-8");
    }

    /// <summary><c>Cap:BaseUrl</c> when configured, else the address the request came to.</summary>
    private static Uri BaseUrl(HttpRequest request, CapOptions options)
    {
        if (options.BaseUrl is { } configured)
            return configured;
        var host = request.Host.HasValue ? request.Host.Value : "localhost";
        return Uri.TryCreate($"{request.Scheme}://{host}{request.PathBase}", UriKind.Absolute, out var url) ? url : new Uri("http://localhost");
    }
}
