using System.Xml.Linq;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Warnings.Cap;

/// <summary>
/// One version of a warning as a CAP 1.2 alert (docs/cap.md). Elements are written in the order the schema's
/// sequences require; every value is derived from the warning's events, so a version reads the same every time.
/// </summary>
internal static partial class CapAlertWriter
{
    public const string MediaType = "application/cap+xml";

    public const string Restriction = "For security operations centres that receive EarlyWarning warnings; not for public broadcast.";

    public const string SenderName = "EarlyWarning";

    private static readonly XNamespace Cap = CapFormat.Namespace;

    /// <param name="message">The version to write.</param>
    /// <param name="earlier">Every earlier version of the same warning, oldest first: all are referenced by an Update or Cancel.</param>
    /// <param name="options">Sender and status.</param>
    /// <param name="baseUrl">Where recipients reach this API.</param>
    public static XDocument Write(WarningVersion message, IReadOnlyList<WarningVersion> earlier, CapOptions options, Uri baseUrl)
    {
        var warning = message.Warning;
        var alert = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", CapFormat.Identifier(warning.WarningId, message.Version)),
            new XElement(Cap + "sender", options.Sender),
            new XElement(Cap + "sent", CapFormat.DateTime(message.KnownAt)),
            new XElement(Cap + "status", options.Status),
            new XElement(Cap + "msgType", message.MsgType),
            // Restricted: the warnings are operational intelligence for SOCs, resting partly on unverified claims.
            new XElement(Cap + "scope", "Restricted"),
            new XElement(Cap + "restriction", Restriction));
        if (Note(message, options) is { Length: > 0 } note)
            alert.Add(new XElement(Cap + "note", note));
        if (message.MsgType != CapMsgType.Alert && earlier.Count > 0)
            alert.Add(new XElement(Cap + "references", string.Join(' ', earlier.Select(e => CapFormat.Reference(options.Sender, warning.WarningId, e)))));
        if (warning.Incidents.Count > 0)
            alert.Add(new XElement(Cap + "incidents", string.Join(' ', warning.Incidents.Select(i => Uri.EscapeDataString(i.IncidentId)))));
        alert.Add(Info(message, baseUrl));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), alert);
    }

    /// <summary>The web page of a warning: the warnings API's answer for it.</summary>
    public static Uri WarningUrl(Uri baseUrl, string warningId) => new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/api/warnings/{Uri.EscapeDataString(warningId)}");

    /// <summary>A version's CAP document.</summary>
    public static Uri DocumentUrl(Uri baseUrl, string warningId, int version) =>
        new($"{WarningUrl(baseUrl, warningId).AbsoluteUri}/cap?version={CapFormat.Number(version)}");

    private static string Note(WarningVersion message, CapOptions options)
    {
        var parts = new List<string>();
        if (options.Status == CapStatus.Exercise)
            parts.Add("Exercise: not an actual warning; it comes from a drill, a demo or a replay of recorded incidents.");
        if (message.MsgType == CapMsgType.Cancel)
            parts.Add(Resolution(message));
        return CapFormat.Text(string.Join(' ', parts));
    }

    private static string Resolution(WarningVersion message) => message.Reason switch
    {
        WarningResolved.ReasonQuiet => "Resolved (quiet): the pattern has not held for the rule's quiet period.",
        WarningResolved.ReasonWithdrawn => "Resolved (withdrawn): retractions or corrections took away the incidents it rested on.",
        WarningResolved.ReasonSuperseded => $"Resolved (superseded): warning {message.SupersededBy ?? "(unknown)"} now covers its incidents.",
        WarningResolved.ReasonRuleChanged => "Resolved (rule-changed): a new rule set changed or removed the rule.",
        var other => $"Resolved ({other ?? "no reason given"}).",
    };

    private static XElement Info(WarningVersion message, Uri baseUrl)
    {
        var warning = message.Warning;
        var info = new XElement(Cap + "info",
            new XElement(Cap + "language", "en"),
            new XElement(Cap + "category", "Security"),
            new XElement(Cap + "event", CapFormat.Text(warning.RuleTitle)));
        // All clear only when the threat is gone: a superseded warning's incidents live on in another warning,
        // and a rule change says nothing about the threat.
        if (message.Reason is WarningResolved.ReasonQuiet or WarningResolved.ReasonWithdrawn)
            info.Add(new XElement(Cap + "responseType", "AllClear"));
        info.Add(
            new XElement(Cap + "urgency", message.MsgType == CapMsgType.Cancel ? CapUrgency.Past : Vocabulary(warning.Urgency, CapUrgency.All)),
            new XElement(Cap + "severity", Vocabulary(warning.Severity, CapSeverity.All)),
            new XElement(Cap + "certainty", Vocabulary(warning.Certainty, CapCertainty.All)),
            Pair("eventCode", "earlywarning:rule", warning.RuleId),
            new XElement(Cap + "onset", CapFormat.DateTime(warning.FirstHeldAt)),
            new XElement(Cap + "senderName", SenderName),
            new XElement(Cap + "headline", CapFormat.Text(warning.Headline)),
            new XElement(Cap + "description", CapFormat.Text(Description(message))),
            new XElement(Cap + "web", WarningUrl(baseUrl, warning.WarningId).AbsoluteUri));
        foreach (var (name, value) in Parameters(message))
            info.Add(Pair("parameter", name, value));
        info.Add(Area(warning));
        return info;
    }

    /// <summary>The snapshot's value when it is one of CAP's, else Unknown: a contract that drifted must not make the document invalid.</summary>
    private static string Vocabulary(string value, IReadOnlyList<string> allowed) => allowed.Contains(value, StringComparer.Ordinal) ? value : "Unknown";

    private static XElement Pair(string element, string name, string value) =>
        new(Cap + element, new XElement(Cap + "valueName", name), new XElement(Cap + "value", CapFormat.Text(value)));

    private static IEnumerable<(string Name, string Value)> Parameters(WarningVersion message)
    {
        var warning = message.Warning;
        yield return ("warningId", warning.WarningId);
        yield return ("version", CapFormat.Number(message.Version));
        yield return ("ruleId", warning.RuleId);
        yield return ("ruleKind", warning.RuleKind);
        yield return ("ruleSetHash", warning.RuleSetHash);
        yield return ("groupBy", warning.GroupBy);
        yield return ("groupKey", warning.GroupKey);
        yield return ("warningStatus", warning.Status);
        yield return ("incidentCount", CapFormat.Number(warning.IncidentCount));
        yield return ("districtCount", CapFormat.Number(warning.DistrictIds.Count));
        yield return ("killed", CapFormat.Number(warning.Killed));
        yield return ("measure", CapFormat.Number(warning.Measure));
        yield return ("firstHeldAt", CapFormat.DateTime(warning.FirstHeldAt));
        yield return ("lastHeldAt", CapFormat.DateTime(warning.LastHeldAt));
        if (warning.ResolvedAt is { } resolvedAt)
            yield return ("resolvedAt", CapFormat.DateTime(resolvedAt));
        if (message.Reason is { } reason)
            yield return ("resolution", reason);
        if (message.SupersededBy is { } successor)
            yield return ("supersededBy", successor);
        if (warning.Suppression is { } suppression)
            yield return ("suppression", $"{suppression.Kind} by {suppression.By}: {suppression.Reason}");
    }
}
