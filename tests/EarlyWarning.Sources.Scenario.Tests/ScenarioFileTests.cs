using EarlyWarning.Testing;
using System.Text;
using System.Text.Json.Nodes;
using EarlyWarning.Contracts.Reports;
using Xunit;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>Loading a scenario file: what loads, and how each kind of mistake is named (file, message index, problem).</summary>
public sealed class ScenarioFileTests
{
    private const string Name = "test.json";

    private static JsonObject Report(string reportId = "r-1", string sourceId = "police-quetta", string at = "2026-01-31T02:00:00+05:00") => new()
    {
        ["sourceId"] = sourceId,
        ["reportId"] = reportId,
        ["reliability"] = "B",
        ["credibility"] = 2,
        ["reportedAt"] = at,
        ["occurredAt"] = "2026-01-31T01:00:00+05:00",
        ["occurredAtPrecision"] = "hour",
        ["location"] = new JsonObject { ["province"] = "Balochistan", ["district"] = "Quetta", ["place"] = null },
        ["incidentType"] = "armed-assault",
        ["targets"] = new JsonArray("police"),
        ["casualties"] = new JsonObject { ["securityForces"] = new JsonObject { ["killed"] = 2, ["injured"] = 1 } },
        ["perpetrator"] = "BLA",
        ["claimStatus"] = "attributed",
        ["text"] = null,
    };

    private static JsonObject Correction(string reportId = "r-1", string at = "2026-01-31T05:00:00+05:00") => new()
    {
        ["sourceId"] = "police-quetta",
        ["reportId"] = reportId,
        ["correctionId"] = reportId + "-c1",
        ["correctedAt"] = at,
        ["casualties"] = new JsonObject { ["securityForces"] = new JsonObject { ["killed"] = 3 } },
    };

    private static JsonObject Retraction(string reportId = "r-1", string at = "2026-01-31T06:00:00+05:00") => new()
    {
        ["sourceId"] = "police-quetta",
        ["reportId"] = reportId,
        ["retractedAt"] = at,
        ["reason"] = "Reported in error.",
    };

    private static JsonObject Entry(string kind, JsonObject message, string? publishAt = null) => new()
    {
        ["publishAt"] = publishAt ?? (string?)(message["reportedAt"] ?? message["correctedAt"] ?? message["retractedAt"]),
        ["kind"] = kind,
        ["message"] = message,
    };

    private static string File(params JsonObject[] entries) => new JsonObject
    {
        ["illustrative"] = true,
        ["liveFrom"] = "2026-01-31T00:00:00+05:00",
        ["messages"] = new JsonArray(entries),
    }.ToJsonString();

    private static ScenarioFile Load(string json) => ScenarioFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), Name);

    private static void AssertFails(string json, string expected)
    {
        var ex = Assert.Throws<ScenarioFileException>(() => Load(json));
        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void a_valid_file_loads_into_the_contract_records()
    {
        var scenario = Load(File(Entry("reported", Report()), Entry("corrected", Correction()), Entry("retracted", Retraction())));

        Assert.True(scenario.Illustrative);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.FromHours(5)), scenario.LiveFrom);
        var report = Assert.IsType<ReportEntry>(scenario.Messages[0]).Report;
        Assert.Equal(new ReportedLocation("Balochistan", "Quetta", null), report.Location);
        Assert.Equal(new Casualties(SecurityForces: new SideCasualties(2, 1)), report.Casualties);
        Assert.Equal(["police"], report.Targets);
        Assert.Equal(3, Assert.IsType<CorrectionEntry>(scenario.Messages[1]).Correction.Casualties?.SecurityForces?.Killed);
        Assert.Equal("Reported in error.", Assert.IsType<RetractionEntry>(scenario.Messages[2]).Retraction.Reason);
        Assert.Equal([0, 1, 2], scenario.Messages.Select(m => m.Index));
    }

    [Fact]
    public void text_that_is_not_json_names_the_line() =>
        Assert.StartsWith($"{Name}: not valid JSON (line 1): ", Assert.Throws<ScenarioFileException>(() => Load("{ \"liveFrom\": ")).Message, StringComparison.Ordinal);

    [Fact]
    public void a_file_without_live_from_is_refused() =>
        AssertFails("""{ "messages": [] }""", $"{Name}: liveFrom is missing: the scenario time live play starts from (ISO 8601 with offset)");

    [Fact]
    public void a_file_without_messages_is_refused() =>
        AssertFails("""{ "liveFrom": "2026-01-31T00:00:00+05:00", "messages": [] }""", $"{Name}: messages is missing or empty");

    [Fact]
    public void an_unknown_top_level_member_is_refused() =>
        AssertFails("""{ "liveFrom": "2026-01-31T00:00:00+05:00", "mesages": [] }""", $"{Name}: unknown member 'mesages'");

    [Fact]
    public void an_unknown_kind_names_the_message() =>
        AssertFails(File(Entry("reported", Report()), Entry("exploded", Report("r-2"))), $"{Name}: messages[1]: kind 'exploded' is not reported, corrected or retracted");

    [Fact]
    public void a_misspelled_member_of_a_message_is_refused()
    {
        var report = Report();
        report["occuredAt"] = report["occurredAt"]!.DeepClone();
        AssertFails(File(Entry("reported", report)), $"{Name}: messages[0]: unknown member 'occuredAt' in message");
    }

    [Fact]
    public void a_null_where_the_contract_has_none_is_refused()
    {
        var report = Report();
        report["sourceId"] = null;
        AssertFails(File(Entry("reported", report)), $"{Name}: messages[0]: message.sourceId must not be null");
    }

    [Fact]
    public void a_value_of_the_wrong_type_is_refused()
    {
        var report = Report();
        report["credibility"] = "two";
        AssertFails(File(Entry("reported", report)), $"{Name}: messages[0]: message.credibility is not a whole number");
    }

    [Fact]
    public void a_time_without_its_offset_shape_is_refused()
    {
        var entry = Entry("reported", Report());
        entry["publishAt"] = "yesterday";
        AssertFails(File(entry), $"{Name}: messages[0]: publishAt is not an ISO 8601 time with its offset, e.g. 2026-01-31T02:05:00+05:00");
    }

    [Fact]
    public void a_missing_required_member_is_refused()
    {
        var report = Report();
        report.Remove("incidentType");
        AssertFails(File(Entry("reported", report)), $"{Name}: messages[0]: message.incidentType is missing");
    }

    [Fact]
    public void an_incident_that_occurs_after_it_is_reported_is_refused()
    {
        var report = Report();
        report["occurredAt"] = "2026-01-31T03:00:00+05:00";
        AssertFails(File(Entry("reported", report)),
            $"{Name}: messages[0]: message.occurredAt 2026-01-31T03:00:00.0000000+05:00 is after reportedAt 2026-01-31T02:00:00.0000000+05:00");
    }

    [Theory]
    [InlineData("reliability", "G", "message.reliability 'G' is not a source reliability grade A–F")]
    [InlineData("incidentType", "riot", "message.incidentType 'riot' is not one of armed-assault, bombing, suicide-attack, targeted-killing, kidnapping, infrastructure-attack, cross-border-fire, security-operation, claim-of-responsibility")]
    [InlineData("occurredAtPrecision", "minute", "message.occurredAtPrecision 'minute' is not one of exact, hour, day")]
    [InlineData("claimStatus", "boasted", "message.claimStatus 'boasted' is not one of claimed, attributed, unknown")]
    [InlineData("sourceId", "Police Quetta", "message.sourceId 'Police Quetta' is not 1–64 characters of a–z 0–9 . _ -")]
    [InlineData("reportId", "r 1", "message.reportId 'r 1' is not 1–128 printable characters without spaces")]
    public void a_value_outside_its_vocabulary_is_refused(string member, string value, string problem)
    {
        var report = Report();
        report[member] = value;
        AssertFails(File(Entry("reported", report)), $"{Name}: messages[0]: {problem}");
    }

    [Fact]
    public void an_unknown_target_is_refused()
    {
        var report = Report();
        report["targets"] = new JsonArray("police", "bank");
        var ex = Assert.Throws<ScenarioFileException>(() => Load(File(Entry("reported", report))));
        Assert.StartsWith($"{Name}: messages[0]: message.targets 'bank' is not one of ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_credibility_outside_1_to_6_is_refused()
    {
        var report = Report();
        report["credibility"] = 7;
        AssertFails(File(Entry("reported", report)), $"{Name}: messages[0]: message.credibility 7 is not an information credibility grade 1–6");
    }

    [Fact]
    public void a_location_without_district_or_place_is_refused()
    {
        var report = Report();
        report["location"] = new JsonObject { ["province"] = "Balochistan" };
        AssertFails(File(Entry("reported", report)), $"{Name}: messages[0]: message.location needs a district or a place");
    }

    [Fact]
    public void a_negative_figure_is_refused()
    {
        var report = Report();
        report["casualties"] = new JsonObject { ["militants"] = new JsonObject { ["killed"] = -1 } };
        AssertFails(File(Entry("reported", report)), $"{Name}: messages[0]: message.casualties.militants.killed -1 is negative");
    }

    [Fact]
    public void the_same_report_twice_is_refused() =>
        AssertFails(File(Entry("reported", Report()), Entry("reported", Report(at: "2026-01-31T03:00:00+05:00"))),
            $"{Name}: messages[1]: report 'r-1' of source 'police-quetta' is already in the file: (sourceId, reportId) must be unique");

    [Fact]
    public void messages_out_of_publishing_order_are_refused() =>
        AssertFails(File(Entry("reported", Report()), Entry("reported", Report("r-2", at: "2026-01-31T01:30:00+05:00"))),
            $"{Name}: messages[1]: publishAt 2026-01-31T01:30:00.0000000+05:00 is before the previous message's 2026-01-31T02:00:00.0000000+05:00: messages must be in publishing order");

    [Fact]
    public void a_correction_of_a_report_the_file_does_not_have_is_refused() =>
        AssertFails(File(Entry("reported", Report()), Entry("corrected", Correction("r-9"))),
            $"{Name}: messages[1]: it corrects report 'r-9' of source 'police-quetta', which no earlier message of the file reports");

    [Fact]
    public void a_correction_that_changes_nothing_is_refused()
    {
        var correction = Correction();
        correction.Remove("casualties");
        AssertFails(File(Entry("reported", Report()), Entry("corrected", correction)),
            $"{Name}: messages[1]: the correction changes nothing: give casualties, incidentType, perpetrator or claimStatus");
    }

    [Fact]
    public void a_correction_of_a_retracted_report_is_refused() =>
        AssertFails(File(Entry("reported", Report()), Entry("retracted", Retraction()), Entry("corrected", Correction(at: "2026-01-31T07:00:00+05:00"))),
            $"{Name}: messages[2]: it corrects report 'r-1' of source 'police-quetta', which an earlier message retracted");

    [Fact]
    public void a_retraction_without_a_reason_is_refused()
    {
        var retraction = Retraction();
        retraction["reason"] = " ";
        AssertFails(File(Entry("reported", Report()), Entry("retracted", retraction)), $"{Name}: messages[1]: message.reason is missing");
    }

    [Fact]
    public void a_message_that_is_not_an_object_is_refused() =>
        AssertFails($$"""{ "liveFrom": "2026-01-31T00:00:00+05:00", "messages": [ 42 ] }""", $"{Name}: messages[0]: is a number, not an object with publishAt, kind and message");

    [Fact]
    public void a_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        var ex = Assert.Throws<ScenarioFileException>(() => ScenarioFile.Load(path));
        Assert.StartsWith($"{path}: cannot be read: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_shipped_scenario_is_also_loadable_from_its_path() =>
        Assert.Equal(ScenarioFile.Default.Messages.Count, ScenarioFile.Load(Repository.ShippedScenario).Messages.Count);
}
