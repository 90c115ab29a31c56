using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Cli.CommandLine;

namespace EarlyWarning.Cli.Partners;

/// <summary>
/// <c>ew partners redeliver</c>: a thin client of <c>POST /api/partners/{name}/redeliver</c>. The service does the
/// work; this prints what it says it sent, or its problem details as the one error line.
/// </summary>
internal static class RedeliverRun
{
    /// <exception cref="ServerException">The service is unreachable or answered with an error.</exception>
    public static async Task RunAsync(RedeliverOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = options.Channel };
        if (options.After is { } after)
            body["after"] = after;
        if (options.Since is { } since)
            body["since"] = since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);

        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(5) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/partners/{Uri.EscapeDataString(options.Partner)}/redeliver")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("X-Api-Key", options.Key);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerException($"the service at {options.Url} cannot be reached: {ex.Message.TrimEnd('.')}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerException($"the service at {options.Url} did not answer within {http.Timeout.TotalMinutes:0} minutes", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new ServerException($"{(int)response.StatusCode} {Problem(text, response.ReasonPhrase)}");
            var result = Parse(text) ?? throw new ServerException($"the service answered {(int)response.StatusCode} with no re-delivery result: {text}");
            var events = Number(result, "events");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(response.StatusCode == System.Net.HttpStatusCode.Accepted ? "Accepted" : "Done")}: {events} event{(events == 1 ? "" : "s")} to {Field(result, "partner") ?? options.Partner} over {Field(result, "channel") ?? options.Channel}, positions after {Number(result, "after")} through {Number(result, "through")}."));
        }
    }

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

    private static string? Field(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    private static long Number(JsonObject json, string name) =>
        long.TryParse(Field(json, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
