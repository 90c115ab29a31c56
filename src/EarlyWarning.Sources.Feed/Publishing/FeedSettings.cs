using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Sources.Feed.Publishing;

/// <summary>
/// How the feed talks to the bus, from configuration (<c>Feed:ConnectTimeoutSeconds</c>,
/// <c>Feed:PublishTimeoutSeconds</c>, <c>Feed:PublishConcurrency</c>; env <c>Feed__…</c>).
/// </summary>
/// <param name="ConnectTimeout">How long to try to reach the broker and start the bus before giving up.</param>
/// <param name="PublishTimeout">How long one report may wait for the broker's confirm.</param>
/// <param name="PublishConcurrency">How many reports may await their confirm at once.</param>
internal sealed record FeedSettings(TimeSpan ConnectTimeout, TimeSpan PublishTimeout, int PublishConcurrency)
{
    /// <exception cref="ArgumentException">A value that is not a whole number in its range.</exception>
    public static FeedSettings From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(Bounded(configuration, "Feed:ConnectTimeoutSeconds", 15, 1, 600)),
        TimeSpan.FromSeconds(Bounded(configuration, "Feed:PublishTimeoutSeconds", 30, 1, 600)),
        Bounded(configuration, "Feed:PublishConcurrency", 16, 1, 1024));

    private static int Bounded(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{key} must be a whole number from {min} to {max}, not '{text}'.");
    }
}
