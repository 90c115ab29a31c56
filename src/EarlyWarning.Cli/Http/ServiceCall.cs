using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Cli.Partners;

namespace EarlyWarning.Cli.Http;

/// <summary>
/// One call of a thin <c>ew</c> client to a service's operator API: the key in a header, an error answer turned into
/// one line from its problem details, and the JSON object of a success. The service does the work.
/// </summary>
internal static class ServiceCall
{
    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> (relative to <paramref name="url"/>) with <paramref name="body"/>, if any.</summary>
    /// <returns>The status and the JSON object of a success.</returns>
    /// <exception cref="ServerException">Unreachable, no answer within <paramref name="timeout"/>, an error answer, or not a JSON object.</exception>
    public static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(
        Uri url, string key, HttpMethod method, string path, JsonObject? body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = timeout };
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        request.Headers.Add("X-Api-Key", key);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerException($"the service at {url} cannot be reached: {ex.Message.TrimEnd('.')}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerException($"the service at {url} did not answer within {Duration(timeout)}", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new ServerException($"{(int)response.StatusCode} {Problem(text, response.ReasonPhrase)}");
            var json = Parse(text) ?? throw new ServerException($"the service answered {(int)response.StatusCode} with no JSON object: {text}");
            return (response.StatusCode, json);
        }
    }

    /// <summary>A member's text, its name matched in any case; null when absent.</summary>
    public static string? Field(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    /// <summary>A member's whole number; 0 when absent.</summary>
    public static long Number(JsonObject json, string name) =>
        long.TryParse(Field(json, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>An RFC 7807 answer as one line: title, detail and each field's errors.</summary>
    private static string Problem(string text, string? reason)
    {
        if (Parse(text) is not { } problem)
            return text.Length > 0 ? $"{reason}: {text.ReplaceLineEndings(" ")}" : reason ?? "";
        var parts = new List<string>();
        if (Field(problem, "title") is { } title)
            parts.Add(title);
        if (Field(problem, "detail") is { } detail)
            parts.Add(detail);
        if (problem["errors"] is JsonObject errors)
            parts.AddRange(errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value?.AsArray().Select(m => m?.ToString()) ?? [])}"));
        return parts.Count > 0 ? string.Join(": ", parts) : reason ?? "";
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: default) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Duration(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 ? $"{timeout.TotalMinutes:0} minutes" : $"{timeout.TotalSeconds:0} s";
}
