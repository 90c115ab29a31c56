using System.Text;
using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Ingest.Bus;

/// <summary>
/// On ingest's endpoints, a message that cannot be read at all (not JSON, or a field of the wrong type) never
/// reaches a consumer: MassTransit moves it to the <c>_error</c> queue. This filter, in that error pipe, first
/// records it as a <see cref="ReportRejected"/> with the reader's reason and the body's start, so the source's
/// operator sees it in <c>/api/rejections</c>. The message still goes on to the error queue: nothing is dropped.
/// </summary>
public sealed class UnreadableMessageFilter(RejectionLog rejections, TimeProvider clock, ILogger<UnreadableMessageFilter> logger) : IFilter<ExceptionReceiveContext>
{
    private const int MaxExcerpt = 1024;

    public void Probe(ProbeContext context) => context.CreateFilterScope("recordUnreadable");

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (IsUnreadable(context.Exception))
        {
            try
            {
                var messageId = context.GetMessageId();
                var body = context.Body.GetString() ?? "";
                var rejection = new ReportRejected(
                    BusRejections.Unreadable, null, null, messageId?.ToString(),
                    [new FieldError("$", Reason(context.Exception))],
                    body.Length <= MaxExcerpt ? body : body[..MaxExcerpt],
                    clock.GetUtcNow());
                await rejections.RecordAsync(rejection, messageId, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // The store is down as well: the message still reaches the error queue below, so it is not lost.
                logger.LogError(exception, "Could not record an unreadable message as rejected; it goes to the error queue");
            }
        }
        await next.Send(context).ConfigureAwait(false);
    }

    private static bool IsUnreadable(Exception exception) =>
        exception is JsonException or DecoderFallbackException || exception.GetType().Name == "SerializationException"
        || exception.InnerException is { } inner && IsUnreadable(inner);

    private static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
            innermost = innermost.InnerException;
        return $"The message could not be read: {innermost.Message}";
    }
}
