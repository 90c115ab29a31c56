using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Processing;
using EarlyWarning.Sources.Scenario;

namespace EarlyWarning.Rules.Tests.Processing;

/// <summary>
/// <see cref="IncidentEventDecoder.Decode"/> with the fast reader gives what it gave before it, when it only ran
/// System.Text.Json with the web defaults: the same summary (compared as JSON, and by the types of its lists), or
/// the same exception with the same message.
/// </summary>
public sealed class IncidentSummaryReaderTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // How an edited variant is written back: as the store's writers write a date ("+05:00", where a JsonNode's own
    // default escapes the plus), so that the scanner, which leaves every escape to the reader, meets the variants.
    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly DateTimeOffset At = new(2026, 1, 30, 23, 50, 12, 345, new TimeSpan(5, 0, 0));

    /// <summary>A summary using every field: a place, several targets and sources, every side's figures, non-ASCII and escaped text.</summary>
    private static readonly IncidentSummary Full = new(
        "inc-0001", At, TimePrecision.Exact,
        new IncidentLocation("balochistan", "Balochistan", "kech", "Kech", "tump", "Tump \"bazaar\" – تمپ\\\n", 26.123456789012345, 62.987654321, GeoPrecision.Exact),
        IncidentTypes.ArmedAssault, [Targets.SecurityForces, Targets.Civilians],
        new Casualties(new SideCasualties(4, 7), new SideCasualties(0, null), new SideCasualties(null, 2)),
        "BLA", ClaimStatus.Claimed, ["dawn", "src-2", "src-3"], "B", Withdrawn: true);

    /// <summary>Nulls wherever the contract allows them.</summary>
    private static readonly IncidentSummary Sparse = new(
        "inc-0002", new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), TimePrecision.Day,
        new IncidentLocation("khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", "swat", "Swat", null, null, 35.2, -0.0, GeoPrecision.Region),
        IncidentTypes.ArmedAssault, [], Casualties.None, null, ClaimStatus.Unknown, [], "F", Withdrawn: false);

    [Fact]
    public async Task every_incident_event_of_the_shipped_scenario_is_read_by_the_fast_reader_as_system_text_json_reads_it()
    {
        await using var run = await RulesRun.StartAsync(rules: false);
        await run.PlayAsync(ScenarioFile.Default.Messages);

        var types = new HashSet<string>();
        var events = 0;
        await foreach (var recorded in run.Store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(IncidentStreams.IncidentPrefix)))
        {
            if (!IncidentEventDecoder.Carries(recorded))
                continue;
            events++;
            types.Add(recorded.Type);
            Assert.True(FastReaderAccepts(recorded.Data.Span), $"the fast reader declined {recorded}: {Encoding.UTF8.GetString(recorded.Data.Span)}");
            Assert.True(ScannerAccepts(recorded.Data.Span), $"the scanner declined {recorded}: {Encoding.UTF8.GetString(recorded.Data.Span)}");
            Assert.Equal(Outcome(() => SystemTextJson(recorded.Data.Span)), Outcome(() => IncidentEventDecoder.Decode(recorded)));
        }
        Assert.True(events > 500, $"{events} incident events");
        Assert.Contains("V1.IncidentRecorded", types);
        Assert.Contains("V1.IncidentCorroborated", types);
    }

    [Fact]
    public void every_incident_event_type_as_the_registry_writes_it_is_read_by_the_fast_reader()
    {
        var registry = ContractTypes.CreateRegistry();
        var report = new RecordedReport("dawn", "r-1", "B", 2, At, At, TimePrecision.Exact, Full.Location, Full.IncidentType, Full.Targets, Full.Casualties, "BLA", ClaimStatus.Claimed, "text");
        object[] events =
        [
            new IncidentRecorded(Full.IncidentId, report, Full),
            new IncidentCorroborated(Full.IncidentId, report, Sparse),
            new ReportCorrected(Full.IncidentId, "dawn", "r-1", "c-1", At, report, "a note", Full),
            new ReportRetracted(Full.IncidentId, "dawn", "r-1", At, "why", Sparse),
        ];
        foreach (var e in events)
        {
            var data = registry.ToEventData(e, Guid.NewGuid()).Data;
            Assert.True(FastReaderAccepts(data.Span), e.GetType().Name);
            // The full summary's place is written with escapes (quotes, a newline, non-ASCII), which the scanner
            // leaves to the fast reader; the sparse one it reads itself.
            var sparse = e is IncidentCorroborated or ReportRetracted;
            Assert.Equal(sparse, ScannerAccepts(data.Span));
            Assert.Equal(Outcome(() => SystemTextJson(data.Span)), Outcome(() => IncidentEventDecoder.Decode(Recorded(data))));
        }
    }

    public static TheoryData<string> Summaries() => new()
    {
        "as written",
        "properties in reverse order",
        "a PascalCase property name",
        "an escaped property name",
        "escaped string values",
        "a string value longer than the pool takes",
        "perpetrator missing",
        "side casualties missing a figure",
        "an unknown property",
        "a repeated property",
        "a figure as a string",
        "a figure as a fraction",
        "a figure beyond int",
        "latitude as a string",
        "latitude with an exponent",
        "targets null",
        "a null among the targets",
        "a number among the sources",
        "casualties null",
        "location null",
        "incident id null",
        "claim status null",
        "occurred at not a date",
        "occurred at a number",
        "withdrawn a string",
        "withdrawn null",
        "the summary null",
        "the summary an array",
        "the summary cut short",
        "a comment in the summary",
        "a trailing comma in the summary",
        "invalid UTF-8 in a short string",
        "invalid UTF-8 in the id",
        "an unpaired surrogate escaped",
        "the summary before the report",
        "whitespace between the properties",
        "a figure with a leading zero",
        "a figure with a plus sign",
        "a figure as a negative number",
        "latitude with a leading zero",
        "latitude ending in a dot",
        "a raw tab in a string",
        "a string value of 64 bytes",
    };

    [Theory]
    [MemberData(nameof(Summaries))]
    public void the_fast_reader_changes_nothing_for(string variant)
    {
        foreach (var summary in new[] { Full, Sparse })
        {
            var data = EventJson(Variant(variant, JsonSerializer.Serialize(summary, Web)), summaryFirst: variant == "the summary before the report");

            Assert.Equal(Outcome(() => SystemTextJson(data)), Outcome(() => IncidentEventDecoder.Decode(Recorded(data))));
        }
    }

    [Theory]
    [InlineData("last")]
    [InlineData("first")]
    [InlineData("between the report and a note")]
    public void a_summary_inside_the_report_or_in_its_text_is_not_taken_for_the_events_own(string where)
    {
        // The decoder finds the summary by its structure, not by tokenising the report: a decoy deeper down, or the
        // same bytes in a string, must not be taken for it, wherever the summary is.
        var decoy = JsonSerializer.Serialize(Sparse, Web);
        var report = $"{{\"text\":\"said \\\"incident\\\":{decoy.Replace("\"", "\\\"", StringComparison.Ordinal)}\",\"nested\":{{\"incident\":{decoy}}}}}";
        var summary = JsonSerializer.Serialize(Full, Web);
        var json = where switch
        {
            "last" => $"{{\"incidentId\":\"inc\",\"report\":{report},\"incident\":{summary}}}",
            "first" => $"{{\"incidentId\":\"inc\",\"incident\":{summary},\"report\":{report}}}",
            _ => $"{{\"incidentId\":\"inc\",\"report\":{report},\"incident\":{summary},\"note\":\"n\"}}",
        };
        var data = Encoding.UTF8.GetBytes(json);

        Assert.Equal(Full.IncidentId, IncidentEventDecoder.Decode(Recorded(data))!.IncidentId);
        Assert.Equal(Outcome(() => SystemTextJson(data)), Outcome(() => IncidentEventDecoder.Decode(Recorded(data))));
    }

    [Fact]
    public void an_event_written_with_whitespace_is_read_alike()
    {
        var data = Encoding.UTF8.GetBytes(JsonNode.Parse(EventJson(JsonSerializer.Serialize(Full, Web), summaryFirst: false))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\":", "\" :", StringComparison.Ordinal));

        Assert.Equal(Outcome(() => SystemTextJson(data)), Outcome(() => IncidentEventDecoder.Decode(Recorded(data))));
        Assert.Equal(Full.IncidentId, IncidentEventDecoder.Decode(Recorded(data))!.IncidentId);
    }

    [Fact]
    public void repeated_short_strings_are_one_instance_and_ids_are_not_shared()
    {
        var data = EventJson(JsonSerializer.Serialize(Full, Web), summaryFirst: false);

        var a = IncidentEventDecoder.Decode(Recorded(data))!;
        var b = IncidentEventDecoder.Decode(Recorded(data))!;

        Assert.Same(a.Location.District, b.Location.District);
        Assert.Same(a.Sources[1], b.Sources[1]);
        Assert.NotSame(a.IncidentId, b.IncidentId);
        Assert.NotSame(a.Targets, b.Targets);
    }

    [Fact]
    public void values_past_the_pools_bound_are_read_alike()
    {
        // On a thread of its own, so that filling its pool leaves other tests' pools alone.
        var differences = new List<string>();
        var thread = new Thread(() =>
        {
            for (var i = 0; i < 6_000; i++)
            {
                var data = EventJson(JsonSerializer.Serialize(Full with { Location = Full.Location with { Place = $"place {i}" } }, Web), summaryFirst: false);
                if (Outcome(() => SystemTextJson(data)) != Outcome(() => IncidentEventDecoder.Decode(Recorded(data))))
                    differences.Add($"place {i}");
            }
        });
        thread.Start();
        thread.Join();

        Assert.Empty(differences);
    }

    /// <summary>The summary JSON changed as <paramref name="variant"/> says; text edits, so that what System.Text.Json would never write can be written.</summary>
    private static string Variant(string variant, string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        string Edited(Action<JsonObject> edit)
        {
            edit(node);
            return node.ToJsonString(AsWritten);
        }
        string Replaced(string from, string to)
        {
            Assert.Contains(from, json, StringComparison.Ordinal);
            return json.Replace(from, to, StringComparison.Ordinal);
        }
        return variant switch
        {
            "as written" or "the summary before the report" => json,
            "properties in reverse order" => new JsonObject(node.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString(AsWritten),
            "a PascalCase property name" => Replaced("\"incidentType\"", "\"IncidentType\""),
            "an escaped property name" => Replaced("\"districtId\"", "\"district\\u0049d\""),
            "escaped string values" => Replaced("\"bestReliability\":\"", "\"bestReliability\":\"\\u0042").Replace("\"Swat\"", "\"S\\u0077at\\t\"", StringComparison.Ordinal).Replace("\"Kech\"", "\"K\\u00e9ch\\ud83d\\ude00\"", StringComparison.Ordinal),
            "a string value longer than the pool takes" => Edited(o =>
            {
                o["location"]!["province"] = new string('p', 65);
                o["sources"] = new JsonArray(new string('s', 200), "dawn");
            }),
            "perpetrator missing" => Edited(o => o.Remove("perpetrator")),
            "side casualties missing a figure" => Edited(o => o["casualties"]!["securityForces"] = new JsonObject { ["killed"] = 3 }),
            "an unknown property" => Edited(o => o["extra"] = new JsonObject { ["a"] = new JsonArray(1, 2) }),
            "a repeated property" => json[..^1] + ",\"incidentType\":\"bombing\",\"withdrawn\":true}",
            "a figure as a string" => Edited(o => o["casualties"]!["securityForces"] = new JsonObject { ["killed"] = "3", ["injured"] = null }),
            "a figure as a fraction" => Edited(o => o["casualties"]!["securityForces"] = new JsonObject { ["killed"] = 3.0, ["injured"] = null }),
            "a figure beyond int" => Edited(o => o["casualties"]!["civilians"] = new JsonObject { ["killed"] = 3_000_000_000, ["injured"] = null }),
            "latitude as a string" => Edited(o => o["location"]!["latitude"] = "26.5"),
            "latitude with an exponent" => Edited(o => o["location"]!["latitude"] = JsonNode.Parse("2.65e1")),
            "targets null" => Edited(o => o["targets"] = null),
            "a null among the targets" => Edited(o => o["targets"] = new JsonArray("civilians", null)),
            "a number among the sources" => Edited(o => o["sources"] = new JsonArray("a", 1)),
            "casualties null" => Edited(o => o["casualties"] = null),
            "location null" => Edited(o => o["location"] = null),
            "incident id null" => Edited(o => o["incidentId"] = null),
            "claim status null" => Edited(o => o["claimStatus"] = null),
            "occurred at not a date" => Edited(o => o["occurredAt"] = "yesterday"),
            "occurred at a number" => Edited(o => o["occurredAt"] = 1_700_000_000),
            "withdrawn a string" => Edited(o => o["withdrawn"] = "true"),
            "withdrawn null" => Edited(o => o["withdrawn"] = null),
            "the summary null" => "null",
            "the summary an array" => "[1,2]",
            "the summary cut short" => json[..(json.Length / 2)],
            "a comment in the summary" => Replaced("\"withdrawn\"", "/* c */\"withdrawn\""),
            "a trailing comma in the summary" => json[..^1] + ",}",
            "invalid UTF-8 in a short string" => Replaced("\"bestReliability\":\"", "\"bestReliability\":\"\u0001"),
            "invalid UTF-8 in the id" => Replaced("\"inc-", "\"\u0001nc-"),
            "an unpaired surrogate escaped" => Replaced("\"bestReliability\":\"", "\"bestReliability\":\"\\ud800"),
            "whitespace between the properties" => json.Replace(",\"", ", \"", StringComparison.Ordinal).Replace("\":", "\": ", StringComparison.Ordinal),
            "a figure with a leading zero" => Edited(o => o["casualties"]!["civilians"] = new JsonObject { ["killed"] = 3, ["injured"] = null }).Replace("\"killed\":3,", "\"killed\":03,", StringComparison.Ordinal),
            "a figure with a plus sign" => Edited(o => o["casualties"]!["civilians"] = new JsonObject { ["killed"] = 3, ["injured"] = null }).Replace("\"killed\":3,", "\"killed\":+3,", StringComparison.Ordinal),
            "a figure as a negative number" => Edited(o => o["casualties"]!["civilians"] = new JsonObject { ["killed"] = -3, ["injured"] = null }),
            "latitude with a leading zero" => Edited(o => o["location"]!["latitude"] = 7.5).Replace("\"latitude\":7.5", "\"latitude\":07.5", StringComparison.Ordinal),
            "latitude ending in a dot" => Edited(o => o["location"]!["latitude"] = 7).Replace("\"latitude\":7,", "\"latitude\":7.,", StringComparison.Ordinal),
            "a raw tab in a string" => Replaced("\"bestReliability\":\"", "\"bestReliability\":\"\t"),
            "a string value of 64 bytes" => Edited(o => o["location"]!["province"] = new string('p', 64)),
            _ => throw new ArgumentException(variant),
        };
    }

    /// <summary>An incident event's data holding <paramref name="summary"/>; \u0001 in it becomes a byte that is not UTF-8.</summary>
    private static byte[] EventJson(string summary, bool summaryFirst)
    {
        const string report = "{\"sourceId\":\"dawn\",\"reportId\":\"r-1\",\"text\":\"a \\\"quoted\\\" {brace} [bracket]\",\"figures\":[1,2,{\"a\":null}]}";
        var json = summaryFirst
            ? $"{{\"incidentId\":\"inc\",\"incident\":{summary},\"report\":{report}}}"
            : $"{{\"incidentId\":\"inc\",\"report\":{report},\"incident\":{summary}}}";
        return Encoding.UTF8.GetBytes(json).Select(b => b == 1 ? (byte)0xC3 : b).ToArray();
    }

    private static RecordedEvent Recorded(ReadOnlyMemory<byte> data) =>
        new(Guid.NewGuid(), "V1.IncidentRecorded", IncidentStreams.Incident("inc"), new StreamRevision(0), new GlobalPosition(1), At, data, "{}"u8.ToArray());

    /// <summary>The decoder as it was before the fast reader: System.Text.Json with the web defaults.</summary>
    private static IncidentSummary? SystemTextJson(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isIncident = reader.ValueTextEquals("incident"u8);
            reader.Read();
            if (isIncident)
                return JsonSerializer.Deserialize<IncidentSummary>(ref reader, Web);
            reader.Skip();
        }
        return null;
    }

    /// <summary>Whether the fast reader itself (not System.Text.Json after it declined) reads the event's summary.</summary>
    private static bool FastReaderAccepts(ReadOnlySpan<byte> data)
    {
        if (IncidentValueAt(data) is not { } start)
            return false;
        var reader = new Utf8JsonReader(data[start..]);
        reader.Read();
        return IncidentSummaryReader.TryRead(ref reader) is not null;
    }

    /// <summary>Whether the scanner itself (not a reader after it declined) reads the event's summary, and reads it as System.Text.Json does.</summary>
    private static bool ScannerAccepts(ReadOnlySpan<byte> data)
    {
        if (IncidentValueAt(data) is not { } start)
            return false;
        var scanned = IncidentSummaryScanner.TryRead(data[start..], IncidentSummaryReader.Strings, out var consumed);
        return scanned is not null
            && JsonSerializer.Serialize(scanned, Web) == JsonSerializer.Serialize(JsonSerializer.Deserialize<IncidentSummary>(data.Slice(start, consumed), Web), Web);
    }

    /// <summary>Where the value of the event's "incident" property starts, found by System.Text.Json; null when it has none.</summary>
    private static int? IncidentValueAt(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isIncident = reader.ValueTextEquals("incident"u8);
            reader.Read();
            if (isIncident)
                return (int)reader.TokenStartIndex;
            reader.Skip();
        }
        return null;
    }

    /// <summary>What a decode gave: the summary as JSON with the runtime types of its lists, or the exception's type and message.</summary>
    private static string Outcome(Func<IncidentSummary?> decode)
    {
        try
        {
            var summary = decode();
            return summary is null
                ? "null"
                : $"{JsonSerializer.Serialize(summary, Web)} targets: {summary.Targets?.GetType()}, sources: {summary.Sources?.GetType()}";
        }
        catch (Exception ex)
        {
            return $"{ex.GetType()}: {ex.Message} (inner: {ex.InnerException?.GetType()}: {ex.InnerException?.Message})";
        }
    }
}
