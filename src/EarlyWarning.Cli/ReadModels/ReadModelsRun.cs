using System.Globalization;
using System.Text.Json.Nodes;
using EarlyWarning.Cli.CommandLine;
using EarlyWarning.Cli.Output;
using EarlyWarning.Cli.Partners;
using static EarlyWarning.Cli.Http.ServiceCall;

namespace EarlyWarning.Cli.ReadModels;

/// <summary>
/// <c>ew models list</c> and <c>ew models rebuild &lt;name&gt;</c>: thin clients of a service's
/// <c>GET /api/admin/models</c> and <c>POST /api/admin/models/{name}/rebuild</c>. The service rebuilds (from the
/// store, while it keeps serving) and records who asked; this prints what it says.
/// </summary>
internal static class ReadModelsRun
{
    private static readonly string[] Header = ["model", "position", "caught up", "events folded", "last rebuilt (UTC)", "rebuilding"];
    private static readonly bool[] Numeric = [false, true, false, true, false, false];

    /// <exception cref="ServerException">The service is unreachable or answered with an error.</exception>
    public static async Task ListAsync(ServiceOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var (_, body) = await SendAsync(options.Url, options.Key, HttpMethod.Get, "api/admin/models", null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        var models = (body["models"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (models.Count == 0)
        {
            output.WriteLine($"The service at {options.Url} holds no read model.");
            return;
        }
        TextTable.Write(output, Header, Numeric, models.Select(m => new[]
        {
            Field(m, "name") ?? "?",
            Number(m, "position").ToString(CultureInfo.InvariantCulture),
            YesNo(Field(m, "caughtUp")),
            Number(m, "eventsFolded").ToString(CultureInfo.InvariantCulture),
            Field(m, "lastRebuiltAt") is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? ReportText.Minute(time)
                : "never (built at start)",
            YesNo(Field(m, "rebuilding")),
        }));
    }

    /// <exception cref="ServerException">The service is unreachable or answered with an error (nothing was rebuilt).</exception>
    public static async Task RebuildAsync(ServiceOptions options, string model, TextWriter output, CancellationToken cancellationToken)
    {
        // A rebuild reads the whole store; on a large one that takes a while, and the answer comes when it is in place.
        var (_, result) = await SendAsync(options.Url, options.Key, HttpMethod.Post, $"api/admin/models/{Uri.EscapeDataString(model)}/rebuild", null,
            TimeSpan.FromMinutes(30), cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rebuilt {Field(result, "name") ?? model}: {Number(result, "eventsFolded")} events folded, read to position {Number(result, "position")}, in {Number(result, "elapsedMilliseconds")} ms; recorded as done by {Field(result, "by")}."));
    }

    private static string YesNo(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? "yes" : "no";
}
