using System.Globalization;
using System.Text;
using System.Xml;

namespace EarlyWarning.Warnings.Cap;

/// <summary>How values are written into CAP messages: date-times, identifiers, references, numbers and text.</summary>
internal static class CapFormat
{
    /// <summary>
    /// CAP 1.2 §3.3.2: "Alphabetic timezone designators such as 'Z' MUST NOT be used. The timezone for UTC MUST be
    /// represented as '-00:00'." Every time is written in UTC, so this is the only offset a message carries.
    /// </summary>
    public const string UtcOffset = "-00:00";

    /// <summary>The CAP 1.2 namespace.</summary>
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>
    /// A CAP date-time in UTC, to the second: the schema's pattern has no fractional seconds, so the store's
    /// microseconds are dropped. Truncated rather than rounded so a message is never sent after it was known.
    /// </summary>
    public static string DateTime(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + UtcOffset;
    }

    /// <summary>
    /// The identifier of a warning's version: one event of one stream, so never issued twice by one store.
    /// The id is escaped so that no character CAP forbids in an identifier (space, comma, &lt;, &amp;) gets in.
    /// </summary>
    public static string Identifier(string warningId, int version) =>
        $"urn:earlywarning:warning:{Uri.EscapeDataString(warningId)}:{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One entry of <c>references</c>: <c>sender,identifier,sent</c>.</summary>
    public static string Reference(string sender, string warningId, WarningVersion version) =>
        $"{sender},{Identifier(warningId, version.Version)},{DateTime(version.KnownAt)}";

    public static string Number(double value, string format = "0.####") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text without the characters XML 1.0 cannot carry (control characters a report may have brought in):
    /// the writer would refuse them and the request would fail instead of answering.
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (IsClean(value))
            return value;
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static bool IsClean(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
                continue;
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }
}
