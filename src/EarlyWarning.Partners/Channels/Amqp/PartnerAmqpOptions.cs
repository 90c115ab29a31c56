using System.Globalization;
using EarlyWarning.ServiceDefaults.Bus;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>
/// The AMQP relay's settings, under <c>PartnerAmqp</c> (not <c>Partners:Amqp</c>: every child of <c>Partners</c> is
/// read as a partner). The broker is <c>ConnectionStrings:RabbitMq</c>, read as the bus reads it
/// (<see cref="BusConfiguration"/>, so <c>Bus:RabbitMq:*</c> overrides apply here too).
/// </summary>
/// <param name="Enabled"><c>PartnerAmqp:Enabled</c>; true unless set to false. Off as well without a connection string.</param>
/// <param name="Source">The CloudEvents <c>source</c> of every event: <c>PartnerAmqp:Source</c>, by default <see cref="DefaultSource"/>.</param>
/// <param name="BatchSize">Store events read per batch, published with their confirms in flight together (<c>PartnerAmqp:BatchSize</c>).</param>
/// <param name="RetryDelay">The first wait after a failure (<c>PartnerAmqp:RetryDelay</c>); doubled, with jitter, up to <paramref name="MaxRetryDelay"/>.</param>
/// <param name="MaxRetryDelay">The longest wait between attempts (<c>PartnerAmqp:MaxRetryDelay</c>).</param>
/// <param name="Broker">The broker, or null when no connection string is set.</param>
public sealed record PartnerAmqpOptions(bool Enabled, string Source, int BatchSize, TimeSpan RetryDelay, TimeSpan MaxRetryDelay, BusConfiguration? Broker)
{
    public const string Section = "PartnerAmqp";
    public const string DefaultSource = "urn:earlywarning:store";

    /// <summary>Whether the relay runs: enabled and a broker to relay to.</summary>
    public bool Relays => Enabled && Broker is not null;

    /// <exception cref="ArgumentException">A setting is malformed; the message names its path.</exception>
    public static PartnerAmqpOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var enabledText = section["Enabled"];
        var enabled = true;
        if (!string.IsNullOrWhiteSpace(enabledText) && !bool.TryParse(enabledText, out enabled))
            throw new ArgumentException($"{Section}:Enabled must be true or false, not '{enabledText}'.");
        var source = section["Source"] is { Length: > 0 } s ? s.Trim() : DefaultSource;
        if (!Uri.TryCreate(source, UriKind.RelativeOrAbsolute, out _) || source.Any(char.IsWhiteSpace))
            throw new ArgumentException($"{Section}:Source must be a URI reference (CloudEvents 'source'), e.g. {DefaultSource}, not '{source}'.");
        var batchSize = Whole(section, "BatchSize", 512, 1, 10_000);
        var retryDelay = Duration(section, "RetryDelay", TimeSpan.FromSeconds(1));
        var maxRetryDelay = Duration(section, "MaxRetryDelay", TimeSpan.FromSeconds(30));
        if (maxRetryDelay < retryDelay)
            throw new ArgumentException($"{Section}:MaxRetryDelay must be at least {Section}:RetryDelay.");
        var broker = string.IsNullOrWhiteSpace(configuration.GetConnectionString("RabbitMq")) ? null : BusConfiguration.From(configuration);
        return new PartnerAmqpOptions(enabled, source, batchSize, retryDelay, maxRetryDelay, broker);
    }

    private static int Whole(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{section.Path}:{key} must be a whole number from {min} to {max}, not '{text}'.");
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value <= TimeSpan.FromHours(1)
            ? value
            : throw new ArgumentException($"{section.Path}:{key} must be a duration (hh:mm:ss) above zero and at most an hour, not '{text}'.");
    }
}
