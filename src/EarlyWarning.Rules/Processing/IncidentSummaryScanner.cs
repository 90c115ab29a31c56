using System.Buffers.Text;
using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Rules.Processing;

/// <summary>
/// Reads an <see cref="IncidentSummary"/> written exactly as the store's writers write it — System.Text.Json's web
/// defaults: no whitespace, every property once in the contract's order, strings without escapes, numbers without
/// exponents — by matching its bytes, about three times as fast as <see cref="IncidentSummaryReader"/> tokenises
/// it. At the first byte that differs from that shape it declines, and the caller reads the value with the
/// tokenising reader; so what it accepts it reads as that reader does (the same types, the same shared strings from
/// <see cref="StringPool"/>, the same date parsing), and anything else is left to it.
/// </summary>
internal ref struct IncidentSummaryScanner
{
    private readonly ReadOnlySpan<byte> _json;
    private readonly StringPool _strings;
    private int _at;

    private IncidentSummaryScanner(ReadOnlySpan<byte> json, StringPool strings)
    {
        _json = json;
        _strings = strings;
    }

    /// <summary>The summary at the start of <paramref name="json"/> and the bytes it takes; null when not in the writers' shape.</summary>
    public static IncidentSummary? TryRead(ReadOnlySpan<byte> json, StringPool strings, out int consumed)
    {
        var scanner = new IncidentSummaryScanner(json, strings);
        var summary = scanner.Summary();
        consumed = summary is null ? 0 : scanner._at;
        return summary;
    }

    private IncidentSummary? Summary()
    {
        if (!Literal("{\"incidentId\":"u8) || !String(pooled: false, out var incidentId)
            || !Literal(",\"occurredAt\":"u8) || !Date(out var occurredAt)
            || !Literal(",\"occurredAtPrecision\":"u8) || !String(pooled: true, out var precision)
            || !Literal(",\"location\":"u8) || Location() is not { } location
            || !Literal(",\"incidentType\":"u8) || !String(pooled: true, out var incidentType)
            || !Literal(",\"targets\":"u8) || Strings() is not { } targets
            || !Literal(",\"casualties\":"u8) || Casualties() is not { } casualties
            || !Literal(",\"perpetrator\":"u8) || !NullableString(out var perpetrator)
            || !Literal(",\"claimStatus\":"u8) || !String(pooled: true, out var claimStatus)
            || !Literal(",\"sources\":"u8) || Strings() is not { } sources
            || !Literal(",\"bestReliability\":"u8) || !String(pooled: true, out var bestReliability)
            || !Literal(",\"withdrawn\":"u8) || !Boolean(out var withdrawn)
            || !Literal("}"u8))
            return null;
        return new IncidentSummary(incidentId, occurredAt, precision, location, incidentType, targets, casualties, perpetrator, claimStatus, sources, bestReliability, withdrawn);
    }

    private IncidentLocation? Location()
    {
        if (!Literal("{\"provinceId\":"u8) || !String(pooled: true, out var provinceId)
            || !Literal(",\"province\":"u8) || !String(pooled: true, out var province)
            || !Literal(",\"districtId\":"u8) || !String(pooled: true, out var districtId)
            || !Literal(",\"district\":"u8) || !String(pooled: true, out var district)
            || !Literal(",\"placeId\":"u8) || !NullableString(out var placeId)
            || !Literal(",\"place\":"u8) || !NullableString(out var place)
            || !Literal(",\"latitude\":"u8) || !Double(out var latitude)
            || !Literal(",\"longitude\":"u8) || !Double(out var longitude)
            || !Literal(",\"geoPrecision\":"u8) || !String(pooled: true, out var geoPrecision)
            || !Literal("}"u8))
            return null;
        return new IncidentLocation(provinceId, province, districtId, district, placeId, place, latitude, longitude, geoPrecision);
    }

    private Casualties? Casualties()
    {
        if (!Literal("{\"securityForces\":"u8) || !Side(out var securityForces)
            || !Literal(",\"civilians\":"u8) || !Side(out var civilians)
            || !Literal(",\"militants\":"u8) || !Side(out var militants)
            || !Literal("}"u8))
            return null;
        return new Casualties(securityForces, civilians, militants);
    }

    private bool Side(out SideCasualties? side)
    {
        side = null;
        if (Literal("null"u8))
            return true;
        if (!Literal("{\"killed\":"u8) || !Figure(out var killed) || !Literal(",\"injured\":"u8) || !Figure(out var injured) || !Literal("}"u8))
            return false;
        side = new SideCasualties(killed, injured);
        return true;
    }

    /// <summary>An array of strings as a <see cref="List{T}"/>, as System.Text.Json makes one for <see cref="IReadOnlyList{T}"/>.</summary>
    private List<string>? Strings()
    {
        if (!Literal("["u8))
            return null;
        var list = new List<string>();
        if (Literal("]"u8))
            return list;
        do
        {
            if (!String(pooled: true, out var value))
                return null;
            list.Add(value);
        }
        while (Literal(","u8));
        return Literal("]"u8) ? list : null;
    }

    private bool Literal(ReadOnlySpan<byte> literal)
    {
        if (!_json[_at..].StartsWith(literal))
            return false;
        _at += literal.Length;
        return true;
    }

    private bool NullableString(out string? value)
    {
        value = null;
        if (Literal("null"u8))
            return true;
        var read = String(pooled: true, out var text);
        value = text;
        return read;
    }

    /// <summary>A string without escapes or control characters, valid UTF-8; shared from the pool when <paramref name="pooled"/>.</summary>
    private bool String(bool pooled, out string value)
    {
        value = "";
        if (!Text(out var utf8))
            return false;
        if (pooled)
        {
            // The pool checks what it has not met before, and declines what a JSON string cannot hold unescaped.
            if (_strings.Get(utf8) is not { } shared)
                return false;
            value = shared;
            return true;
        }
        if (!StringPool.Checked(utf8))
            return false;
        value = System.Text.Encoding.UTF8.GetString(utf8);
        return true;
    }

    /// <summary>The bytes between a string's quotes, when it has no escape; unchecked otherwise.</summary>
    private bool Text(out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        if (!Literal("\""u8))
            return false;
        var rest = _json[_at..];
        var end = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || rest[end] != (byte)'"')
            return false;
        utf8 = rest[..end];
        _at += end + 1;
        return true;
    }

    /// <summary>A date as <see cref="Utf8JsonReader.TryGetDateTimeOffset"/> reads it: the string token handed to a reader of its own.</summary>
    private bool Date(out DateTimeOffset value)
    {
        value = default;
        var start = _at;
        if (!Text(out var utf8) || !StringPool.Checked(utf8))
            return false;
        var reader = new Utf8JsonReader(_json[start.._at]);
        return reader.Read() && reader.TryGetDateTimeOffset(out value);
    }

    private bool Double(out double value)
    {
        value = 0;
        var number = Number(fraction: true);
        return !number.IsEmpty && Utf8Parser.TryParse(number, out value, out var used) && used == number.Length && double.IsFinite(value);
    }

    private bool Figure(out int? value)
    {
        value = null;
        if (Literal("null"u8))
            return true;
        var number = Number(fraction: false);
        if (number.IsEmpty || !Utf8Parser.TryParse(number, out int figure, out var used) || used != number.Length)
            return false;
        value = figure;
        return true;
    }

    /// <summary>A JSON number, -?(0|[1-9][0-9]*) with a fraction when allowed, never an exponent; empty when there is none.</summary>
    private ReadOnlySpan<byte> Number(bool fraction)
    {
        var rest = _json[_at..];
        var i = rest.Length > 0 && rest[0] == (byte)'-' ? 1 : 0;
        var digits = Digits(rest, i);
        if (digits == 0 || (digits > 1 && rest[i] == (byte)'0'))
            return default;
        i += digits;
        if (fraction && i < rest.Length && rest[i] == (byte)'.')
        {
            var decimals = Digits(rest, i + 1);
            if (decimals == 0)
                return default;
            i += 1 + decimals;
        }
        // What follows must end the number: anything else (an exponent, a letter) is left to the tokenising reader.
        if (i < rest.Length && rest[i] is not ((byte)',' or (byte)'}' or (byte)']'))
            return default;
        _at += i;
        return rest[..i];
    }

    private static int Digits(ReadOnlySpan<byte> text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            i++;
        return i - from;
    }

    private bool Boolean(out bool value)
    {
        value = Literal("true"u8);
        return value || Literal("false"u8);
    }
}
