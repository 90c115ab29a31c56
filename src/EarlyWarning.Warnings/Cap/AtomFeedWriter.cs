using System.Globalization;
using System.Xml.Linq;

namespace EarlyWarning.Warnings.Cap;

/// <summary>The recent CAP messages as an Atom 1.0 feed (RFC 4287): one entry per message, linking to its document.</summary>
internal static class AtomFeedWriter
{
    public const string MediaType = "application/atom+xml";

    public const string Title = "EarlyWarning CAP alerts";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <param name="entries">Newest first.</param>
    /// <param name="self">The feed's own address, as asked for.</param>
    /// <param name="baseUrl">Where recipients reach this API.</param>
    /// <param name="emptySince">The feed's <c>updated</c> while it has no entries.</param>
    public static XDocument Write(IReadOnlyList<CapFeedEntry> entries, Uri self, Uri baseUrl, DateTimeOffset emptySince)
    {
        var updated = entries.Count == 0 ? emptySince : entries.Max(e => e.Sent);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"{baseUrl.AbsoluteUri.TrimEnd('/')}/api/cap/feed"),
            new XElement(Atom + "title", Title),
            new XElement(Atom + "updated", DateTime(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", CapAlertWriter.SenderName)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", MediaType), new XAttribute("href", self.AbsoluteUri)));
        foreach (var entry in entries)
        {
            feed.Add(new XElement(Atom + "entry",
                new XElement(Atom + "id", CapFormat.Identifier(entry.WarningId, entry.Version)),
                new XElement(Atom + "title", CapFormat.Text($"{entry.MsgType}: {entry.Headline}")),
                new XElement(Atom + "updated", DateTime(entry.Sent)),
                new XElement(Atom + "link",
                    new XAttribute("rel", "alternate"),
                    new XAttribute("type", CapAlertWriter.MediaType),
                    new XAttribute("href", CapAlertWriter.DocumentUrl(baseUrl, entry.WarningId, entry.Version).AbsoluteUri)),
                new XElement(Atom + "category", new XAttribute("term", entry.MsgType)),
                new XElement(Atom + "summary", CapFormat.Text($"{entry.RuleTitle} ({entry.Severity}), version {CapFormat.Number(entry.Version)} of warning {entry.WarningId}."))));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    /// <summary>RFC 3339, as Atom requires; unlike CAP, Atom is happy with Z.</summary>
    private static string DateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
