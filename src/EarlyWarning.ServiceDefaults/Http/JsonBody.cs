using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Incidents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EarlyWarning.ServiceDefaults.Http;

/// <summary>
/// Reads request bodies so that every mistake gets a precise answer: not JSON (with line and position), too
/// large, a field of the wrong type or an unknown field (by its path). The framework's own binding would
/// answer those with a bare 400.
/// </summary>
public static partial class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("occuredAt", "endAt") would otherwise be dropped silently, and the message refused
        // for a missing field the sender believes they gave.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// The body as a JSON document, or the problem that answers it. A body over <paramref name="maxBytes"/> is
    /// refused with 413, whose detail ends with <paramref name="advice"/> when given ("send large batches in parts").
    /// </summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpContext context, long maxBytes, string? advice = null)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        if (context.Request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes, advice));
        if (context.Request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be JSON (Content-Type: application/json), not '{type}'."));
        }
        try
        {
            return (await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false), null);
        }
        catch (JsonException exception)
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, "The body is not valid JSON",
                $"Invalid JSON at line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}: {exception.Message.Split(" LineNumber:")[0]}"));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes, advice));
        }
    }

    /// <summary>
    /// The element as <typeparamref name="T"/>, and a field error for every field whose JSON does not fit. The
    /// serializer stops at the first misfit, so each one is noted and removed and binding tried again: a
    /// sender learns of every wrong field at once. The value is null only when the element is not an object.
    /// Error fields are prefixed with <paramref name="prefix"/> (a batch item's <c>[2]</c>) when one is given.
    /// </summary>
    public static (T? Value, IReadOnlyList<FieldError> Errors) Bind<T>(JsonElement element, string prefix = "") where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
            return (null, [new FieldError(prefix.Length == 0 ? "$" : prefix, $"must be a JSON object, not {Describe(element.ValueKind)}.")]);
        var node = JsonNode.Parse(element.GetRawText())!;
        var errors = new List<FieldError>();
        while (true)
        {
            try
            {
                return (node.Deserialize<T>(Options), errors);
            }
            catch (JsonException exception)
            {
                var path = (exception.Path ?? "$").TrimStart('$').TrimStart('.');
                var field = prefix.Length == 0 ? (path.Length == 0 ? "$" : path) : path.Length == 0 ? prefix : $"{prefix}.{path}";
                errors.Add(new FieldError(field, Explain(exception, typeof(T), path)));
                if (path.Length == 0 || !Remove(node, path) || errors.Count > 100)
                    return (null, errors);
            }
        }
    }

    /// <summary>Whether <paramref name="error"/> concerns <paramref name="field"/>, the same field or one inside the other.</summary>
    public static bool Overlaps(string error, string field) =>
        error == field || error.StartsWith(field + ".", StringComparison.Ordinal) || error.StartsWith(field + "[", StringComparison.Ordinal)
        || field.StartsWith(error + ".", StringComparison.Ordinal) || field.StartsWith(error + "[", StringComparison.Ordinal);

    /// <summary>A path's property names (strings) and array indexes (ints): casualties.civilians.killed, targets[2] or ['odd name'].</summary>
    private static List<object> Segments(string path) =>
        Segment().Matches(path)
            .Select(m => m.Groups["index"].Success ? (object)int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : m.Groups["name"].Value)
            .ToList();

    private static bool Remove(JsonNode root, string path)
    {
        var segments = Segments(path);
        var parent = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            parent = segments[i] switch
            {
                int index when parent is JsonArray array && index < array.Count => array[index],
                string name when parent is JsonObject obj => obj[name],
                _ => null,
            };
            if (parent is null)
                return false;
        }
        switch (segments[^1])
        {
            case int index when parent is JsonArray array && index < array.Count:
                array.RemoveAt(index);
                return true;
            case string name when parent is JsonObject obj && obj.ContainsKey(name):
                obj.Remove(name);
                return true;
            default:
                return false;
        }
    }

    private static string Explain(JsonException exception, Type root, string path)
    {
        var message = exception.Message + " " + exception.InnerException?.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return "is not a field of this message; check its spelling.";
        // The serializer's message often names the reader's trouble ("cannot get a Number as a string"), not the
        // field's type, so the type is taken from the records themselves where the path leads through them.
        return ExplainType(TypeAt(root, path)) ?? ExplainMessage(message);
    }

    private static string? ExplainType(Type? expected)
    {
        if (expected is null || expected.IsEnum)
            return null;
        if (expected == typeof(DateTimeOffset))
            return "must be an ISO 8601 time with its offset, e.g. 2026-01-31T05:40:00+05:00.";
        if (expected == typeof(string))
            return "must be a string.";
        if (ElementType(expected) == typeof(string))
            return "must be an array of strings.";
        return Type.GetTypeCode(expected) switch
        {
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
                => "must be a whole number (without quotes).",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "must be a number (without quotes).",
            _ => null,
        };
    }

    private static string ExplainMessage(string message)
    {
        if (message.Contains("DateTimeOffset", StringComparison.Ordinal))
            return "must be an ISO 8601 time with its offset, e.g. 2026-01-31T05:40:00+05:00.";
        if (message.Contains("Int32", StringComparison.Ordinal))
            return "must be a whole number (without quotes).";
        if (message.Contains("Double", StringComparison.Ordinal))
            return "must be a number (without quotes).";
        if (message.Contains("IReadOnlyList", StringComparison.Ordinal))
            return "must be an array of strings.";
        if (message.Contains("System.String", StringComparison.Ordinal))
            return "must be a string.";
        return "has the wrong type for this field.";
    }

    /// <summary>The type a path leads to from <paramref name="root"/>, nullable unwrapped; null where it cannot be followed.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        Type? type = root;
        foreach (var segment in Segments(path))
        {
            type = segment switch
            {
                int => ElementType(type),
                string name => PropertyType(type, name),
                _ => null,
            };
            if (type is null)
                return null;
            type = Nullable.GetUnderlyingType(type) ?? type;
        }
        return type;
    }

    private static Type? PropertyType(Type type, string name)
    {
        if ((GenericInterface(type, typeof(IReadOnlyDictionary<,>)) ?? GenericInterface(type, typeof(IDictionary<,>))) is { } dictionary)
            return dictionary.GetGenericArguments()[0] == typeof(string) ? dictionary.GetGenericArguments()[1] : null;
        // The web defaults match names case-insensitively; a [JsonPropertyName] replaces the name.
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?.PropertyType;
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : GenericInterface(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? GenericInterface(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static IResult TooLarge(long maxBytes, string? advice)
    {
        var size = maxBytes % (1024 * 1024) == 0 ? $"{maxBytes / (1024 * 1024)} MiB"
            : maxBytes % 1024 == 0 ? $"{maxBytes / 1024} KiB"
            : $"{maxBytes:N0} bytes";
        return Problems.Create(StatusCodes.Status413PayloadTooLarge, "The body is too large",
            $"At most {size} are accepted in one request{(advice is null ? "" : "; " + advice)}.");
    }

    [GeneratedRegex(@"\['(?<name>[^']*)'\]|\[(?<index>\d+)\]|(?<name>[^.\[]+)")]
    private static partial Regex Segment();
}
