using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Rules.Processing;

/// <summary>
/// Reads an <see cref="IncidentSummary"/> straight off a <see cref="Utf8JsonReader"/>, two to three times as fast
/// as <see cref="JsonSerializer"/> (which a back-test of a million incidents spent seconds in), but only when the
/// summary is in the shape the store's writers give it: every property present once under its camelCase name,
/// each value of its own JSON type (a string, a number, an object, an array of strings; null only where the
/// contract allows it). Anything else it declines, and the caller deserialises the same value with the web
/// defaults instead, so a case-insensitive name, a number in a string, a missing, unknown or repeated property,
/// malformed JSON all get exactly what they got before, errors included. For what it accepts it calls the reader
/// methods System.Text.Json's converters call, and makes the same types (a <see cref="List{T}"/> for a list), so
/// the values are equal; only repeated short strings are shared instances (<see cref="StringPool"/>).
/// </summary>
internal static class IncidentSummaryReader
{
    // Decoding is synchronous, so a pool per thread is never used by two decodes at once.
    [ThreadStatic]
    private static StringPool? t_strings;

    /// <summary>This thread's pool of shared strings, which <see cref="IncidentSummaryScanner"/> shares too.</summary>
    public static StringPool Strings => t_strings ??= new StringPool();

    /// <summary>
    /// The summary whose value starts at the reader's current token, the reader left on its closing brace; or null,
    /// the reader left anywhere inside it, when the value is not in the expected shape.
    /// </summary>
    public static IncidentSummary? TryRead(ref Utf8JsonReader reader)
    {
        try
        {
            return ReadSummary(ref reader, Strings);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Malformed JSON or invalid UTF-8: the caller's System.Text.Json run reports it, as it always has.
            return null;
        }
    }

    private static IncidentSummary? ReadSummary(ref Utf8JsonReader reader, StringPool strings)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            return null;
        string? incidentId = null, precision = null, incidentType = null, perpetrator = null, claimStatus = null, bestReliability = null;
        var occurredAt = default(DateTimeOffset);
        IncidentLocation? location = null;
        Casualties? casualties = null;
        List<string>? targets = null, sources = null;
        var withdrawn = false;
        var seen = 0;
        var property = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            property = Which(ref reader, SummaryNames, property + 1);
            var read = property switch
            {
                0 => reader.Read() && ReadString(ref reader, nullable: false, null, out incidentId),
                1 => reader.Read() && reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out occurredAt),
                2 => reader.Read() && ReadString(ref reader, nullable: false, strings, out precision),
                3 => reader.Read() && (location = ReadLocation(ref reader, strings)) is not null,
                4 => reader.Read() && ReadString(ref reader, nullable: false, strings, out incidentType),
                5 => reader.Read() && (targets = ReadStrings(ref reader, strings)) is not null,
                6 => reader.Read() && (casualties = ReadCasualties(ref reader)) is not null,
                7 => reader.Read() && ReadString(ref reader, nullable: true, strings, out perpetrator),
                8 => reader.Read() && ReadString(ref reader, nullable: false, strings, out claimStatus),
                9 => reader.Read() && (sources = ReadStrings(ref reader, strings)) is not null,
                10 => reader.Read() && ReadString(ref reader, nullable: false, strings, out bestReliability),
                11 => reader.Read() && ReadBoolean(ref reader, out withdrawn),
                _ => false,
            };
            if (!read || !Once(ref seen, property))
                return null;
        }
        if (reader.TokenType != JsonTokenType.EndObject || seen != (1 << 12) - 1)
            return null;
        return new IncidentSummary(incidentId!, occurredAt, precision!, location!, incidentType!, targets!, casualties!, perpetrator, claimStatus!, sources!, bestReliability!, withdrawn);
    }

    private static IncidentLocation? ReadLocation(ref Utf8JsonReader reader, StringPool strings)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            return null;
        string? provinceId = null, province = null, districtId = null, district = null, placeId = null, place = null, geoPrecision = null;
        double latitude = 0, longitude = 0;
        var seen = 0;
        var property = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            property = Which(ref reader, LocationNames, property + 1);
            var read = property switch
            {
                0 => reader.Read() && ReadString(ref reader, nullable: false, strings, out provinceId),
                1 => reader.Read() && ReadString(ref reader, nullable: false, strings, out province),
                2 => reader.Read() && ReadString(ref reader, nullable: false, strings, out districtId),
                3 => reader.Read() && ReadString(ref reader, nullable: false, strings, out district),
                4 => reader.Read() && ReadString(ref reader, nullable: true, strings, out placeId),
                5 => reader.Read() && ReadString(ref reader, nullable: true, strings, out place),
                6 => reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out latitude),
                7 => reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out longitude),
                8 => reader.Read() && ReadString(ref reader, nullable: false, strings, out geoPrecision),
                _ => false,
            };
            if (!read || !Once(ref seen, property))
                return null;
        }
        if (reader.TokenType != JsonTokenType.EndObject || seen != (1 << 9) - 1)
            return null;
        return new IncidentLocation(provinceId!, province!, districtId!, district!, placeId, place, latitude, longitude, geoPrecision!);
    }

    private static Casualties? ReadCasualties(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            return null;
        SideCasualties? securityForces = null, civilians = null, militants = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int property;
            bool read;
            if (reader.ValueTextEquals("securityForces"u8))
                (property, read) = (0, reader.Read() && ReadSide(ref reader, out securityForces));
            else if (reader.ValueTextEquals("civilians"u8))
                (property, read) = (1, reader.Read() && ReadSide(ref reader, out civilians));
            else if (reader.ValueTextEquals("militants"u8))
                (property, read) = (2, reader.Read() && ReadSide(ref reader, out militants));
            else
                return null;
            if (!read || !Once(ref seen, property))
                return null;
        }
        if (reader.TokenType != JsonTokenType.EndObject || seen != (1 << 3) - 1)
            return null;
        return new Casualties(securityForces, civilians, militants);
    }

    /// <summary>One side's figures, null when not reported; false when the value is neither.</summary>
    private static bool ReadSide(ref Utf8JsonReader reader, out SideCasualties? side)
    {
        side = null;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        int? killed = null, injured = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int property;
            bool read;
            if (reader.ValueTextEquals("killed"u8))
                (property, read) = (0, reader.Read() && ReadFigure(ref reader, out killed));
            else if (reader.ValueTextEquals("injured"u8))
                (property, read) = (1, reader.Read() && ReadFigure(ref reader, out injured));
            else
                return false;
            if (!read || !Once(ref seen, property))
                return false;
        }
        if (reader.TokenType != JsonTokenType.EndObject || seen != (1 << 2) - 1)
            return false;
        side = new SideCasualties(killed, injured);
        return true;
    }

    // The properties' names in the order the writers write them, which is the order they are tried in.
    private static readonly byte[][] SummaryNames =
    [
        "incidentId"u8.ToArray(), "occurredAt"u8.ToArray(), "occurredAtPrecision"u8.ToArray(), "location"u8.ToArray(),
        "incidentType"u8.ToArray(), "targets"u8.ToArray(), "casualties"u8.ToArray(), "perpetrator"u8.ToArray(),
        "claimStatus"u8.ToArray(), "sources"u8.ToArray(), "bestReliability"u8.ToArray(), "withdrawn"u8.ToArray(),
    ];

    private static readonly byte[][] LocationNames =
    [
        "provinceId"u8.ToArray(), "province"u8.ToArray(), "districtId"u8.ToArray(), "district"u8.ToArray(), "placeId"u8.ToArray(),
        "place"u8.ToArray(), "latitude"u8.ToArray(), "longitude"u8.ToArray(), "geoPrecision"u8.ToArray(),
    ];

    /// <summary>
    /// Which of <paramref name="names"/> the property name the reader is on is, or −1: <paramref name="expected"/>
    /// first, the one after the last, so a summary as written takes one comparison a property instead of up to twelve.
    /// </summary>
    private static int Which(ref Utf8JsonReader reader, byte[][] names, int expected)
    {
        if (expected < names.Length && reader.ValueTextEquals(names[expected]))
            return expected;
        for (var i = 0; i < names.Length; i++)
        {
            if (i != expected && reader.ValueTextEquals(names[i]))
                return i;
        }
        return -1;
    }

    /// <summary>Marks <paramref name="property"/> seen; false when it already was (a duplicate, left to System.Text.Json).</summary>
    private static bool Once(ref int seen, int property)
    {
        var bit = 1 << property;
        if ((seen & bit) != 0)
            return false;
        seen |= bit;
        return true;
    }

    private static bool ReadFigure(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        // A number in a string is read by the web defaults; that is left to them.
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number))
            return false;
        value = number;
        return true;
    }

    private static bool ReadBoolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>An array of strings as a <see cref="List{T}"/>, the type System.Text.Json makes for <see cref="IReadOnlyList{T}"/>.</summary>
    private static List<string>? ReadStrings(ref Utf8JsonReader reader, StringPool strings)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            return null;
        var list = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
            list.Add(strings.Get(ref reader));
        return reader.TokenType == JsonTokenType.EndArray ? list : null;
    }

    /// <summary>A string, from <paramref name="strings"/> unless the value is unique (an id); null only when <paramref name="nullable"/>, else the value is declined.</summary>
    private static bool ReadString(ref Utf8JsonReader reader, bool nullable, StringPool? strings, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
            return nullable;
        if (reader.TokenType != JsonTokenType.String)
            return false;
        value = strings is null ? reader.GetString() : strings.Get(ref reader);
        return true;
    }
}
