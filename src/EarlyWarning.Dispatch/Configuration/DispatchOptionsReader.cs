using System.Globalization;
using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Vocabulary;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Dispatch.Configuration;

/// <summary>
/// Reads and validates the <c>Dispatch</c> section. Every mistake stops the service at start with the setting's path
/// and what is wrong, rather than surfacing as a failed delivery hours later.
/// </summary>
public static partial class DispatchOptionsReader
{
    public static readonly DeliveryPolicy DefaultPolicy = new(
        Attempts: 6,
        BaseDelay: TimeSpan.FromSeconds(2),
        MaxDelay: TimeSpan.FromMinutes(1),
        AttemptTimeout: TimeSpan.FromSeconds(10),
        new CircuitBreakerPolicy(FailureRatio: 0.5, MinimumThroughput: 10, SamplingDuration: TimeSpan.FromSeconds(30), BreakDuration: TimeSpan.FromSeconds(30)));

    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(24);

    /// <exception cref="ArgumentException">A setting is malformed, out of range, or the recipients contradict each other.</exception>
    public static DispatchOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DispatchOptions.Section);
        var policy = ReadPolicy(section);

        var maxAge = Duration(section, "MaxAge", DefaultMaxAge, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(3650));
        Uri? publicUrl = null;
        if (section["PublicUrl"] is { Length: > 0 } publicText && !TryHttpUrl(publicText, out publicUrl))
            throw new ArgumentException($"{Path(section, "PublicUrl")} '{publicText}' is not an absolute http(s) URL.");

        var recipients = section.GetSection("Recipients").GetChildren().Select(Recipient).ToList();
        var duplicate = recipients.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"{Path(section, "Recipients")}: the name '{duplicate.Key}' is used by {duplicate.Count()} recipients; names must be unique (case does not count).");
        foreach (var recipient in recipients.Where(r => r.Escalation?.Next == r.Name))
            throw new ArgumentException($"{Path(section, "Recipients")}: '{recipient.Name}' escalates to itself.");
        // Unknown names and cycles are found while the chains are unrolled, by the options' constructor.
        return new DispatchOptions(policy, maxAge, publicUrl, recipients);
    }

    /// <summary>
    /// The retry, timeout and circuit-breaker settings of <paramref name="section"/> (<c>Attempts</c>, <c>BaseDelay</c>,
    /// <c>MaxDelay</c>, <c>AttemptTimeout</c>, <c>CircuitBreaker:*</c>), each defaulting to <see cref="DefaultPolicy"/>'s.
    /// Partner webhooks read theirs from their own section with the same names.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is malformed or out of range; the message names its path.</exception>
    public static DeliveryPolicy ReadPolicy(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var d = DefaultPolicy;
        var c = d.CircuitBreaker;
        var breaker = new CircuitBreakerPolicy(
            Number(section, "CircuitBreaker:FailureRatio", c.FailureRatio, 0.01, 1),
            Integer(section, "CircuitBreaker:MinimumThroughput", c.MinimumThroughput, 2, 10_000),
            Duration(section, "CircuitBreaker:SamplingDuration", c.SamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1)),
            Duration(section, "CircuitBreaker:BreakDuration", c.BreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1)));
        var policy = new DeliveryPolicy(
            Integer(section, "Attempts", d.Attempts, 1, 100),
            Duration(section, "BaseDelay", d.BaseDelay, TimeSpan.Zero, TimeSpan.FromHours(1)),
            Duration(section, "MaxDelay", d.MaxDelay, TimeSpan.Zero, TimeSpan.FromDays(1)),
            Duration(section, "AttemptTimeout", d.AttemptTimeout, TimeSpan.FromMilliseconds(20), TimeSpan.FromHours(1)),
            breaker);
        if (policy.MaxDelay < policy.BaseDelay)
            throw new ArgumentException($"{Path(section, "MaxDelay")} ({policy.MaxDelay}) must not be shorter than BaseDelay ({policy.BaseDelay}).");
        return policy;
    }

    /// <summary>
    /// A webhook endpoint's <c>Url</c> (absolute http or https) and <c>Secret</c> (at least 16 characters), as every
    /// webhook receiver is configured: SOC recipients here, partners under <c>Partners</c>.
    /// </summary>
    /// <param name="section">The section holding <c>Url</c> and <c>Secret</c>.</param>
    /// <param name="where">How errors name the section, e.g. <c>Dispatch:Recipients:0 ('soc-quetta')</c>.</param>
    /// <exception cref="ArgumentException">Either is missing or malformed; the message names its path.</exception>
    public static (Uri Url, string Secret) ReadEndpoint(IConfigurationSection section, string where)
    {
        ArgumentNullException.ThrowIfNull(section);
        var urlText = section["Url"];
        if (urlText is not { Length: > 0 } || !TryHttpUrl(urlText, out var url))
            throw new ArgumentException($"{where}:Url '{urlText}' is not an absolute http(s) URL.");
        var secret = section["Secret"];
        if (secret is not { Length: >= 16 })
            throw new ArgumentException($"{where}:Secret must be set, at least 16 characters; the receiver checks each request's signature with it.");
        return (url!, secret);
    }

    private static Recipient Recipient(IConfigurationSection section)
    {
        var where = section.Path;
        var name = section["Name"]?.Trim();
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
            throw new ArgumentException($"{where}:Name '{name}' must be 1 to 64 letters, digits, '.', '_' or '-' (it goes into event ids and idempotency keys).");
        where = $"{where} ('{name}')";
        var (url, secret) = ReadEndpoint(section, where);

        var filterSection = section.GetSection("Filter");
        var minimum = filterSection["MinimumSeverity"] is { Length: > 0 } m ? m.Trim() : null;
        if (minimum is not null && !CapSeverity.All.Contains(minimum, StringComparer.Ordinal))
            throw new ArgumentException($"{where}:Filter:MinimumSeverity '{minimum}' is not a CAP severity: use one of {string.Join(", ", CapSeverity.All)}.");
        var filter = new RecipientFilter(List(filterSection, "Provinces", where), minimum, List(filterSection, "Rules", where));

        EscalationPolicy? escalation = null;
        var escalationSection = section.GetSection("Escalation");
        if (escalationSection.Exists())
        {
            var next = escalationSection["Next"]?.Trim();
            if (string.IsNullOrEmpty(next))
                throw new ArgumentException($"{where}:Escalation:Next must name the recipient the warning goes to.");
            var after = Duration(escalationSection, "After", null, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(7), where + ":Escalation");
            var repeat = Integer(escalationSection, "Repeat", 0, 0, EscalationChains.MaxRepeat, where + ":Escalation");
            escalation = new EscalationPolicy(after, next, repeat);
        }
        return new Recipient(name, url, secret, filter, escalation);
    }

    private static List<string> List(IConfigurationSection section, string key, string where)
    {
        var values = section.GetSection(key).GetChildren().Select(v => v.Value?.Trim() ?? "").ToList();
        if (values.Any(string.IsNullOrEmpty))
            throw new ArgumentException($"{where}:Filter:{key} has an empty entry.");
        return values;
    }

    private static bool TryHttpUrl(string text, out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static string Path(IConfigurationSection section, string key) => $"{section.Path}:{key}";

    /// <summary>
    /// The time span at <paramref name="key"/> of <paramref name="section"/> (<c>[d.]hh:mm:ss[.fff]</c>), between
    /// <paramref name="min"/> and <paramref name="max"/>; <paramref name="fallback"/> when unset, or an error when that is null too.
    /// </summary>
    /// <param name="section">The section holding the setting.</param>
    /// <param name="key">The setting's key in it.</param>
    /// <param name="fallback">The value when unset; null when it must be set.</param>
    /// <param name="min">The least value accepted.</param>
    /// <param name="max">The greatest value accepted.</param>
    /// <param name="where">How errors name the section, when not by its path.</param>
    /// <exception cref="ArgumentException">Malformed, out of range, or missing without a fallback; the message names its path.</exception>
    public static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan? fallback, TimeSpan min, TimeSpan max, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var path = $"{where ?? section.Path}:{key}";
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback ?? throw new ArgumentException($"{path} must be set, as a time span such as 00:15:00.");
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
            throw new ArgumentException($"{path} '{text}' is not a time span: write [d.]hh:mm:ss[.fff], e.g. 00:00:30 for 30 seconds.");
        if (value < min || value > max)
            throw new ArgumentException($"{path} {value} is out of range: between {min} and {max}.");
        return value;
    }

    private static int Integer(IConfigurationSection section, string key, int fallback, int min, int max, string? where = null)
    {
        var path = $"{where ?? section.Path}:{key}";
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{path} '{text}' must be a whole number from {min} to {max}.");
        return value;
    }

    private static double Number(IConfigurationSection section, string key, double fallback, double min, double max)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{Path(section, key)} '{text}' must be a number from {min} to {max}.");
        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
