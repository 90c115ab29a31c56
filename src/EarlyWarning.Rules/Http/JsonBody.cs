using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Incidents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EarlyWarning.Rules.Http;

/// <summary>
/// Reads request bodies so that every mistake gets a precise answer: not JSON (with line and position), too
/// large, a field of the wrong type or an unknown field (by its path). The same reading as ingest's, whose
/// helper is internal to it.
/// </summary>
internal static partial class JsonBody
{
    /// <summary>Largest body accepted: a silence is a few short fields.</summary>
    public const long MaxBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("endAt") would otherwise be dropped silently, and the silence refused for a missing
        // field the operator believes they gave.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The body as a JSON document, or the problem that answers it.</summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBytes;
        if (context.Request.ContentLength > MaxBytes)
            return (null, TooLarge());
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
            return (null, TooLarge());
        }
    }

    /// <summary>
    /// The element as <typeparamref name="T"/>, and a field error for every field whose JSON does not fit. The
    /// serializer stops at the first misfit, so each one is noted and removed and binding tried again: a
    /// sender learns of every wrong field at once. The value is null only when the element is not an object.
    /// </summary>
    public static (T? Value, IReadOnlyList<FieldError> Errors) Bind<T>(JsonElement element) where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
            return (null, [new FieldError("$", $"must be a JSON object, not {Describe(element.ValueKind)}.")]);
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
                errors.Add(new FieldError(path.Length == 0 ? "$" : path, Explain(exception, typeof(T), path)));
                if (path.Length == 0 || !Remove(node, path) || errors.Count > 100)
                    return (null, errors);
            }
        }
    }

    private static bool Remove(JsonNode root, string path)
    {
        // Paths look like a.b, items[2] or ['odd name'].
        var segments = Segment().Matches(path)
            .Select(m => m.Groups["index"].Success ? (object)int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : m.Groups["name"].Value)
            .ToList();
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

    private static string Explain(JsonException exception, Type type, string path)
    {
        var message = exception.Message + " " + exception.InnerException?.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return "is not a field of this message; check its spelling.";
        // The serializer's message names the reader's trouble ("cannot get a Number as a string"), not the field's
        // type, so the type is taken from the record itself.
        var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, path, StringComparison.OrdinalIgnoreCase));
        var expected = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (expected == typeof(DateTimeOffset))
            return "must be an ISO 8601 time with its offset, e.g. 2026-01-31T05:40:00+05:00.";
        if (expected == typeof(int) || expected == typeof(long))
            return "must be a whole number (without quotes).";
        if (expected == typeof(string))
            return "must be a string.";
        return "has the wrong type for this field.";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static IResult TooLarge() => Problems.Create(StatusCodes.Status413PayloadTooLarge, "The body is too large",
        $"At most {MaxBytes / 1024} KiB are accepted in one request.");

    [GeneratedRegex(@"\['(?<name>[^']*)'\]|\[(?<index>\d+)\]|(?<name>[^.\[]+)")]
    private static partial Regex Segment();
}
