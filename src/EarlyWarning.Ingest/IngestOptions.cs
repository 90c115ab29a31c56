using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Ingest;

/// <summary>
/// Ingest's tolerances, from the <c>Ingest</c> configuration section: <c>CorrelationWindow</c> (how far apart two
/// reports of one attack may say it happened; default 2 h), <c>FutureTolerance</c> (how far in the future an
/// occurred-at or reported-at may lie, for clock skew; default 15 min), <c>MaxBatch</c> (reports per HTTP request;
/// default 1,000).
/// </summary>
public sealed record IngestOptions
{
    public TimeSpan CorrelationWindow { get; init; } = TimeSpan.FromHours(2);

    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMinutes(15);

    public int MaxBatch { get; init; } = 1000;

    /// <summary>Longest free text (a report's text, a correction's note, a retraction's reason).</summary>
    public const int MaxTextLength = 4000;

    /// <exception cref="ArgumentException">A value out of range.</exception>
    public static IngestOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Ingest");
        var options = new IngestOptions
        {
            CorrelationWindow = Duration(section, nameof(CorrelationWindow), TimeSpan.FromHours(2), TimeSpan.Zero, TimeSpan.FromDays(7)),
            FutureTolerance = Duration(section, nameof(FutureTolerance), TimeSpan.FromMinutes(15), TimeSpan.Zero, TimeSpan.FromDays(1)),
        };
        var batch = section[nameof(MaxBatch)];
        if (batch is null)
            return options;
        return int.TryParse(batch, out var max) && max is >= 1 and <= 10_000
            ? options with { MaxBatch = max }
            : throw new ArgumentException($"Ingest:MaxBatch must be a whole number from 1 to 10000, not '{batch}'.");
    }

    private static TimeSpan Duration(IConfiguration section, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var text = section[key];
        if (text is null)
            return fallback;
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"Ingest:{key} must be a duration (hh:mm:ss) from {min} to {max}, not '{text}'.");
    }
}
