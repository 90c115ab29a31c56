using EarlyWarning.Dispatch.Configuration;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Partners.Registry;

/// <summary>Where a partner's events are posted (<c>Partners:n:Webhook</c>), signed as the dispatch signs a SOC's webhooks.</summary>
/// <param name="Url">The receiver; absolute http or https.</param>
/// <param name="Secret">The HMAC key shared with the receiver, at least 16 characters.</param>
public sealed record PartnerWebhook(Uri Url, string Secret)
{
    // The record's generated ToString would print the secret into any log line that mentions the partner.
    public override string ToString() => Url.ToString();

    /// <summary>The webhook of a partner's <c>Webhook</c> section, validated as a SOC recipient's; null when the section is absent.</summary>
    /// <param name="section">The partner's <c>Webhook</c> section.</param>
    /// <param name="where">How errors name the partner, e.g. <c>Partners:0 ('ngo-quetta')</c>.</param>
    /// <exception cref="ArgumentException">The URL or the secret is missing or malformed; the message names the setting's path.</exception>
    public static PartnerWebhook? Read(IConfigurationSection section, string where)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!section.Exists())
            return null;
        var (url, secret) = DispatchOptionsReader.ReadEndpoint(section, where + ":Webhook");
        return new PartnerWebhook(url, secret);
    }
}
