using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Warnings.Cap;

/// <summary>The <c>Cap</c> configuration section.</summary>
/// <param name="Sender"><c>Cap:Sender</c>: who every message is from; CAP wants it globally unique, e.g. based on a domain name.</param>
/// <param name="Status"><c>Cap:Status</c>: <see cref="CapStatus.Actual"/>, or <see cref="CapStatus.Exercise"/> for drills, demos and replays.</param>
/// <param name="BaseUrl"><c>Cap:BaseUrl</c>: where recipients reach this API, for the links in messages and the feed; the request's own address when not set.</param>
public sealed record CapOptions(string Sender, string Status, Uri? BaseUrl)
{
    public const string SectionName = "Cap";

    public const string DefaultSender = "urn:earlywarning";

    /// <exception cref="ArgumentException">A setting breaks a rule of CAP 1.2; the message names it.</exception>
    public static CapOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var sender = string.IsNullOrWhiteSpace(section["Sender"]) ? DefaultSender : section["Sender"]!.Trim();
        // CAP 1.2 §3.2.1: sender "MUST NOT include spaces, commas or restricted characters (< and &)", because
        // references are sender,identifier,sent triplets separated by white space.
        if (sender.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or '<' or '&'))
            throw new ArgumentException($"Cap:Sender must not contain spaces, commas, '<' or '&' (CAP 1.2 §3.2.1), not '{sender}'.");

        var status = string.IsNullOrWhiteSpace(section["Status"]) ? CapStatus.Actual : section["Status"]!.Trim();
        status = status.Equals(CapStatus.Actual, StringComparison.OrdinalIgnoreCase) ? CapStatus.Actual
            : status.Equals(CapStatus.Exercise, StringComparison.OrdinalIgnoreCase) ? CapStatus.Exercise
            : throw new ArgumentException($"Cap:Status must be '{CapStatus.Actual}' or '{CapStatus.Exercise}', not '{status}'.");

        Uri? baseUrl = null;
        var configured = section["BaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured)
            && (!Uri.TryCreate(configured.Trim().TrimEnd('/'), UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https")))
            throw new ArgumentException($"Cap:BaseUrl must be an absolute http or https URL, not '{configured}'.");
        return new CapOptions(sender, status, baseUrl);
    }
}
