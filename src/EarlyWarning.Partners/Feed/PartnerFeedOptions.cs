using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Partners.Feed;

/// <summary>The <c>PartnerFeed</c> section.</summary>
/// <param name="KeepAlive">
/// How often the live feed writes a comment line (<c>: keep-alive</c>) whatever else it writes, so a proxy does not
/// close a quiet stream and a partner can tell a quiet feed from a dead one.
/// </param>
internal sealed record PartnerFeedOptions(TimeSpan KeepAlive)
{
    public const string Section = "PartnerFeed";

    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(15);

    /// <exception cref="ArgumentException"><c>PartnerFeed:KeepAliveSeconds</c> is not a number from 0.1 to 3600.</exception>
    public static PartnerFeedOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[$"{Section}:KeepAliveSeconds"];
        if (string.IsNullOrWhiteSpace(text))
            return new PartnerFeedOptions(DefaultKeepAlive);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds < 0.1 || seconds > 3600)
            throw new ArgumentException($"{Section}:KeepAliveSeconds '{text}' must be a number of seconds from 0.1 to 3600 (default {DefaultKeepAlive.TotalSeconds:0}).");
        return new PartnerFeedOptions(TimeSpan.FromSeconds(seconds));
    }
}
