using System.Buffers;
using System.Text;
using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Processing;

/// <summary>
/// Reads the incident summary that every incident-stream event carries, without materialising the rest of the
/// event (the report, the note): back-testing a million incidents spends its time here.
/// </summary>
internal static class IncidentEventDecoder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] TypeNames = ["V1.IncidentRecorded", "V1.IncidentCorroborated", "V1.ReportCorrected", "V1.ReportRetracted"];

    private static readonly HashSet<string> Types = new(TypeNames, StringComparer.Ordinal);

    private static readonly byte[][] Utf8Types = [.. TypeNames.Select(Encoding.UTF8.GetBytes)];

    // What the scan for the summary stops at outside a string, and inside one.
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);

    public static bool Carries(RecordedEvent recorded) => Types.Contains(recorded.Type);

    /// <summary>Whether an event of <paramref name="utf8Type"/> carries a summary.</summary>
    public static bool Carries(ReadOnlySpan<byte> utf8Type)
    {
        foreach (var type in Utf8Types)
        {
            if (utf8Type.SequenceEqual(type))
                return true;
        }
        return false;
    }

    /// <summary>The summary, or null when the event has none (it is then not an incident event we know).</summary>
    public static IncidentSummary? Decode(RecordedEvent recorded) => Decode(recorded.Data.Span);

    /// <inheritdoc cref="Decode(RecordedEvent)"/>
    public static IncidentSummary? Decode(ReadOnlySpan<byte> data)
    {
        // Most of an event is its report, before the summary. Tokenising it only to skip it took half the decoding:
        // the summary is found by its structure alone, and read from there by the fast reader.
        if (LastSummary(data) is { } last)
            return last;
        if (SummaryStart(data) is var at and >= 0 && ReadFrom(data[at..], out _) is { } found)
            return found;
        // Not found that way, or not in the shape the fast reader takes: read the whole event as System.Text.Json
        // does, so what it accepts and how it fails is as it always was.
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isIncident = reader.ValueTextEquals("incident"u8);
            reader.Read();
            if (isIncident)
            {
                // A copy of the reader is a bookmark: System.Text.Json starts from it when the fast reader declines.
                var start = reader;
                if (IncidentSummaryReader.TryRead(ref reader) is { } summary)
                    return summary;
                reader = start;
                return JsonSerializer.Deserialize<IncidentSummary>(ref reader, Json);
            }
            reader.Skip();
        }
        return null;
    }

    /// <summary>
    /// The summary when it is the event object's last property, as every writer puts it: found from the end, so the
    /// report before it is not scanned at all; null when it is not there. The bytes <c>"incident":</c> after a comma
    /// or a brace are a property name (in valid JSON a quote inside a string follows a backslash, and a closing quote
    /// is never followed by a letter), and when its value, as the fast reader reads it, is followed by one closing
    /// brace and the end, it is a property of the event object itself. An event holding the property twice, which
    /// no writer makes, gives the last, as System.Text.Json gives a contract's repeated property.
    /// </summary>
    private static IncidentSummary? LastSummary(ReadOnlySpan<byte> json)
    {
        var name = json.LastIndexOf("\"incident\":"u8);
        if (name <= 0)
            return null;
        var before = name - 1;
        while (before > 0 && IsSpace(json[before]))
            before--;
        if (json[before] is not ((byte)',' or (byte)'{'))
            return null;
        var value = SkipSpace(json, name + "\"incident\":"u8.Length);
        if (ReadFrom(json[value..], out var consumed) is not { } summary)
            return null;
        var rest = SkipSpace(json, value + consumed);
        return rest < json.Length && json[rest] == (byte)'}' && SkipSpace(json, rest + 1) == json.Length ? summary : null;
    }

    /// <summary>
    /// The summary at the start of <paramref name="value"/> and the bytes it took, read by matching the writers'
    /// shape, else by the fast reader; null when both decline.
    /// </summary>
    private static IncidentSummary? ReadFrom(ReadOnlySpan<byte> value, out int consumed)
    {
        if (IncidentSummaryScanner.TryRead(value, IncidentSummaryReader.Strings, out consumed) is { } scanned)
            return scanned;
        var reader = new Utf8JsonReader(value);
        try
        {
            if (!reader.Read())
                return null;
        }
        catch (JsonException)
        {
            return null;
        }
        var summary = IncidentSummaryReader.TryRead(ref reader);
        consumed = (int)reader.BytesConsumed;
        return summary;
    }

    /// <summary>
    /// Where the value of the event object's first "incident" property starts, found by its quotes and brackets
    /// alone; −1 when not found so (the name escaped, say, or the JSON not an object). The store holds only valid
    /// JSON (its append validator checks), and within valid JSON quotes and brackets outside strings are the
    /// structure: the value found is the one a full read finds.
    /// </summary>
    private static int SummaryStart(ReadOnlySpan<byte> json)
    {
        var depth = 0;
        var i = 0;
        while (true)
        {
            var next = json[i..].IndexOfAny(Structure);
            if (next < 0)
                return -1;
            i += next;
            switch (json[i])
            {
                case (byte)'"':
                    var end = StringEndAfter(json, i + 1);
                    if (end < 0)
                        return -1;
                    if (depth == 1 && json[(i + 1)..end].SequenceEqual("incident"u8))
                    {
                        // A property name when a colon follows; "incident" as a value is followed by , or }.
                        var colon = SkipSpace(json, end + 1);
                        if (colon < json.Length && json[colon] == (byte)':')
                            return SkipSpace(json, colon + 1);
                    }
                    i = end + 1;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    i++;
                    break;
                default:
                    if (--depth <= 0)
                        return -1;
                    i++;
                    break;
            }
        }
    }

    /// <summary>The index of the quote closing the string whose text starts at <paramref name="from"/>, or −1.</summary>
    private static int StringEndAfter(ReadOnlySpan<byte> json, int from)
    {
        var i = from;
        while (true)
        {
            var next = json[i..].IndexOfAny(StringEnd);
            if (next < 0)
                return -1;
            i += next;
            if (json[i] == (byte)'"')
                return i;
            // An escape: whatever it escapes, a quote or a backslash included, is text.
            i += 2;
            if (i >= json.Length)
                return -1;
        }
    }

    private static int SkipSpace(ReadOnlySpan<byte> json, int from)
    {
        var i = from;
        while (i < json.Length && IsSpace(json[i]))
            i++;
        return i;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
