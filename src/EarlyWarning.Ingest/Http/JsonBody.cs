using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EarlyWarning.Contracts.Incidents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EarlyWarning.Ingest.Http;

/// <summary>
/// Reads request bodies so that every mistake gets a precise answer: not JSON (with line and position), too
/// large, a field of the wrong type or an unknown field (by its path). The framework's own binding would
/// answer those with a bare 400.
/// </summary>
internal static class JsonBody
{
    /// <summary>Largest body accepted: a full batch of reports with long texts fits.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("occuredAt") would otherwise be dropped silently and the report rejected for a
        // missing field the sender believes it gave.
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
    /// One element as a contract record, and a field error for every field whose JSON does not fit. The
    /// serializer stops at the first misfit, so each one is noted and removed and binding tried again: a
    /// sender learns of every wrong field at once. The record is null only when the element is not an object.
    /// </summary>
    public static (T? Value, IReadOnlyList<FieldError> Errors) Bind<T>(JsonElement element, string prefix) where T : class
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
                errors.Add(new FieldError(field, Explain(exception)));
                if (path.Length == 0 || !Remove(node, path) || errors.Count > 100)
                    return (null, errors);
            }
        }
    }

    /// <summary>Whether <paramref name="error"/> concerns <paramref name="field"/>, the same field or one inside the other.</summary>
    public static bool Overlaps(string error, string field) =>
        error == field || error.StartsWith(field + ".", StringComparison.Ordinal) || error.StartsWith(field + "[", StringComparison.Ordinal)
        || field.StartsWith(error + ".", StringComparison.Ordinal) || field.StartsWith(error + "[", StringComparison.Ordinal);

    private static bool Remove(JsonNode root, string path)
    {
        // Paths look like casualties.civilians.killed, targets[2] or ['odd name'].
        var segments = System.Text.RegularExpressions.Regex.Matches(path, @"\['(?<name>[^']*)'\]|\[(?<index>\d+)\]|(?<name>[^.\[]+)")
            .Select(m => m.Groups["index"].Success ? (object)int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : m.Groups["name"].Value)
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

    private static string Explain(JsonException exception)
    {
        var message = exception.Message + " " + exception.InnerException?.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return "is not a field of this message; check its spelling.";
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
        $"At most {MaxBytes / (1024 * 1024)} MiB are accepted in one request; send large batches in parts.");
}
