using System.Text.Json;
using EarlyWarning.Dispatch.Delivery;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EarlyWarning.Partners.Channels.Webhooks;

/// <summary>
/// Posts one admitted event to a partner's webhook through the dispatch's <see cref="WebhookSender"/>, with the
/// partner webhooks' own policy: signed as a SOC's webhooks are, the event's id as its <c>Idempotency-Key</c>. Live
/// delivery and operators' re-deliveries share this one sender, so they share each URL's circuit breaker.
/// </summary>
internal sealed class PartnerWebhookSender(PartnerWebhooksOptions options, IOptions<JsonOptions> http, TimeProvider clock, ILogger<WebhookSender> logger) : IDisposable
{
    // The HTTP API's JSON options, so an admitted event is the same bytes in a webhook as in a page of GET /api/feed.
    private readonly JsonSerializerOptions _json = http.Value.SerializerOptions;

    private readonly WebhookSender _sender = new(options.Policy, clock, logger);

    /// <summary>What a receiver finds in <c>Idempotency-Key</c>: the event's id, the same on every channel and every re-delivery.</summary>
    public static string IdempotencyKey(AdmittedEvent admitted) => admitted.Id.ToString();

    public byte[] Body(AdmittedEvent admitted) => JsonSerializer.SerializeToUtf8Bytes(admitted, _json);

    /// <exception cref="OperationCanceledException">Cancelled: nothing is known of the outcome.</exception>
    public Task<DeliveryResult> SendAsync(PartnerWebhook webhook, AdmittedEvent admitted, CancellationToken cancellationToken) =>
        _sender.SendAsync(webhook.Url, webhook.Secret, Body(admitted), IdempotencyKey(admitted), cancellationToken);

    public void Dispose() => _sender.Dispose();
}
