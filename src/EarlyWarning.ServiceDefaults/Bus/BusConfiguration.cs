using Microsoft.Extensions.Configuration;

namespace EarlyWarning.ServiceDefaults.Bus;

/// <summary>
/// Which bus a service uses, from configuration: <c>Bus:Transport</c> = in-memory (default, the embedded mode)
/// | rabbitmq. RabbitMQ is reached through <c>ConnectionStrings:RabbitMq</c>, an AMQP URI
/// (<c>amqp://user:password@host:5672/vhost</c>), whose parts <c>Bus:RabbitMq:Host</c>, <c>Port</c>,
/// <c>VirtualHost</c>, <c>Username</c> and <c>Password</c> override. <c>Bus:PrefetchCount</c> and
/// <c>Bus:ConcurrentMessageLimit</c> bound the messages in flight per endpoint; <c>Bus:RetryLimit</c> the retries;
/// <c>Bus:RedeliveryIntervals</c> (e.g. <c>00:00:05,00:00:30,00:02:00</c>; empty for none) the redeliveries after them.
/// </summary>
public sealed record BusConfiguration(
    string Transport,
    string Host,
    int Port,
    string VirtualHost,
    string Username,
    string Password,
    int PrefetchCount,
    int ConcurrentMessageLimit,
    int RetryLimit,
    IReadOnlyList<TimeSpan> RedeliveryIntervals)
{
    /// <summary>Redelivery after the retries are spent, where the transport can delay a message (in-memory).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRedeliveryIntervals = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    public const string InMemory = "in-memory";
    public const string RabbitMq = "rabbitmq";

    /// <summary>The broker as a URI without the password, for logs and health output.</summary>
    public string Describe() => Transport == RabbitMq ? $"rabbitmq://{Username}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}" : InMemory;

    /// <exception cref="ArgumentException">An unknown transport, a malformed URI, or a bound out of range.</exception>
    public static BusConfiguration From(IConfiguration configuration)
    {
        var transport = (configuration["Bus:Transport"] ?? InMemory).Trim().ToLowerInvariant();
        if (transport is "inmemory" or "memory")
            transport = InMemory;
        if (transport is not (InMemory or RabbitMq))
            throw new ArgumentException($"Unknown bus transport '{transport}': use '{InMemory}' or '{RabbitMq}'.");

        string host = "127.0.0.1", virtualHost = "/", username = "guest", password = "guest";
        var port = 5672;
        var uriText = configuration.GetConnectionString("RabbitMq");
        if (!string.IsNullOrWhiteSpace(uriText))
        {
            if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "rabbitmq"))
                throw new ArgumentException("ConnectionStrings:RabbitMq must be an AMQP URI such as amqp://user:password@127.0.0.1:5672/ .");
            host = uri.Host;
            if (uri.Port > 0)
                port = uri.Port;
            var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            virtualHost = path.Length == 0 ? "/" : path;
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                username = Uri.UnescapeDataString(parts[0]);
                password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            }
        }

        return new BusConfiguration(
            transport,
            configuration["Bus:RabbitMq:Host"] ?? host,
            Bounded(configuration, "Bus:RabbitMq:Port", configuration["Bus:RabbitMq:Port"] is null ? port : 0, 1, 65535),
            configuration["Bus:RabbitMq:VirtualHost"] ?? virtualHost,
            configuration["Bus:RabbitMq:Username"] ?? username,
            configuration["Bus:RabbitMq:Password"] ?? password,
            Bounded(configuration, "Bus:PrefetchCount", 256, 1, 65535),
            Bounded(configuration, "Bus:ConcurrentMessageLimit", 256, 1, 65535),
            Bounded(configuration, "Bus:RetryLimit", 5, 0, 100),
            Intervals(configuration, "Bus:RedeliveryIntervals"));
    }

    private static IReadOnlyList<TimeSpan> Intervals(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        if (text is null)
            return DefaultRedeliveryIntervals;
        var intervals = new List<TimeSpan>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TimeSpan.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var interval) || interval <= TimeSpan.Zero || interval > TimeSpan.FromHours(1))
                throw new ArgumentException($"{key} must be durations (hh:mm:ss) above zero and at most an hour, separated by commas, not '{text}'.");
            intervals.Add(interval);
        }
        return intervals;
    }

    private static int Bounded(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (text is null)
            return fallback;
        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{key} must be a whole number from {min} to {max}, not '{text}'.");
    }
}
