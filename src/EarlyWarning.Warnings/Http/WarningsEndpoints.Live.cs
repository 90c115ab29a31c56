using System.Globalization;
using System.Text;
using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.Warnings.Board;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EarlyWarning.Warnings.Http;

public static partial class WarningsEndpoints
{
    /// <summary>Often enough that proxies and the browser keep an idle stream open, and a dead one is noticed.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Server-sent events: every incident and warning change after <c>after</c> (or the <c>Last-Event-ID</c> a
    /// reconnecting browser sends), each with its store position as the event id. When that position is too old
    /// to resume from, one <c>reset</c> event tells the client to fetch the picture again.
    /// </summary>
    private static async Task FollowAsync(HttpContext context, string? after, WarningBoard board)
    {
        var resumeFrom = context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastEventId ? lastEventId : after;
        long position;
        if (string.IsNullOrEmpty(resumeFrom))
            position = board.Position;
        else if (!long.TryParse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture, out position))
        {
            await Problems.Invalid("The query is not valid", [new FieldError("after", $"must be a store position (a whole number ≥ 0, as in the picture's 'position'), not '{resumeFrom}'.")])
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var cancellationToken = context.RequestAborted;

        var changes = board.Follow(position, out var stop);
        try
        {
            if (changes is null)
            {
                await WriteAsync(response, "event: reset\ndata: {}\n\n", cancellationToken).ConfigureAwait(false);
                return;
            }
            await WriteAsync(response, ": following the board\n\n", cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                beat.CancelAfter(Heartbeat);
                try
                {
                    if (!await changes.WaitToReadAsync(beat.Token).ConfigureAwait(false))
                    {
                        // Dropped for falling behind: the browser reconnects with the last id it saw.
                        return;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await WriteAsync(response, ": heartbeat\n\n", cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var batch = new StringBuilder();
                while (changes.TryRead(out var change))
                {
                    batch.Append(CultureInfo.InvariantCulture, $"id: {change.Position}\nevent: {change.Kind}\ndata: ")
                        .Append(JsonSerializer.Serialize(change.View, change.View.GetType(), Json))
                        .Append("\n\n");
                }
                await WriteAsync(response, batch.ToString(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            stop();
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
