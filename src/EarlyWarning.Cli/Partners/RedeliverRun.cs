using System.Globalization;
using System.Text.Json.Nodes;
using EarlyWarning.Cli.CommandLine;
using static EarlyWarning.Cli.Http.ServiceCall;

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

        var (status, result) = await SendAsync(options.Url, options.Key, HttpMethod.Post, $"api/partners/{Uri.EscapeDataString(options.Partner)}/redeliver", body,
            TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        var events = Number(result, "events");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(status == System.Net.HttpStatusCode.Accepted ? "Accepted" : "Done")}: {events} event{(events == 1 ? "" : "s")} to {Field(result, "partner") ?? options.Partner} over {Field(result, "channel") ?? options.Channel}, positions after {Number(result, "after")} through {Number(result, "through")}."));
    }
}
