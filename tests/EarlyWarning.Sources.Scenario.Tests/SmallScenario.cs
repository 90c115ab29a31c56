using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>A scenario of a few messages at chosen offsets from its liveFrom, for plan and player tests.</summary>
internal static class SmallScenario
{
    public static readonly DateTimeOffset LiveFrom = new(2026, 1, 31, 0, 0, 0, TimeSpan.FromHours(5));

    /// <summary>Reports published at <paramref name="minutes"/> from <see cref="LiveFrom"/> (negative: history), ids r-0, r-1, …</summary>
    public static ScenarioFile At(params int[] minutes) => With(minutes, correctLast: false);

    /// <summary>As <see cref="At"/>, with the last message a correction of the report before it.</summary>
    public static ScenarioFile WithCorrectionLast(params int[] minutes) => With(minutes, correctLast: true);

    private static ScenarioFile With(int[] minutes, bool correctLast)
    {
        var messages = new JsonArray();
        for (var i = 0; i < minutes.Length; i++)
        {
            var at = LiveFrom.AddMinutes(minutes[i]).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            JsonObject message = correctLast && i == minutes.Length - 1
                ? new()
                {
                    ["sourceId"] = "police-quetta", ["reportId"] = $"r-{i - 1}", ["correctionId"] = $"r-{i - 1}-c1", ["correctedAt"] = at,
                    ["casualties"] = new JsonObject { ["securityForces"] = new JsonObject { ["killed"] = 3 } },
                }
                : new()
                {
                    ["sourceId"] = "police-quetta", ["reportId"] = $"r-{i}", ["reliability"] = "B", ["credibility"] = 2,
                    ["reportedAt"] = at, ["occurredAt"] = at, ["occurredAtPrecision"] = "exact",
                    ["location"] = new JsonObject { ["province"] = "Balochistan", ["district"] = "Quetta", ["place"] = null },
                    ["incidentType"] = "armed-assault", ["targets"] = new JsonArray("police"), ["casualties"] = null,
                    ["perpetrator"] = null, ["claimStatus"] = "unknown", ["text"] = null,
                };
            messages.Add(new JsonObject
            {
                ["publishAt"] = at,
                ["kind"] = correctLast && i == minutes.Length - 1 ? "corrected" : "reported",
                ["incident"] = $"incident-{i}",
                ["message"] = message,
            });
        }
        var json = new JsonObject { ["liveFrom"] = LiveFrom.ToString("O", CultureInfo.InvariantCulture), ["messages"] = messages }.ToJsonString();
        return ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "small.json");
    }
}
