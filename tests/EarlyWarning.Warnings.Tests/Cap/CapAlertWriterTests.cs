using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Warnings.Cap;
using static EarlyWarning.Warnings.Tests.Cap.CapSchema;

namespace EarlyWarning.Warnings.Tests.Cap;

public sealed partial class CapAlertWriterTests
{
    private static readonly WarningVersion V1 = CapSamples.Raised();
    private static readonly WarningVersion V2 = CapSamples.Updated(2, "districts 3 → 4");
    private static readonly WarningVersion V3 = CapSamples.Updated(3, "severity Severe → Extreme");

    public static TheoryData<string> Reasons => new(WarningResolved.ReasonQuiet, WarningResolved.ReasonWithdrawn, WarningResolved.ReasonSuperseded, WarningResolved.ReasonRuleChanged);

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-00:00$")]
    private static partial Regex UtcDateTime();

    private static XElement Alert(WarningVersion message, IReadOnlyList<WarningVersion>? earlier = null, CapOptions? options = null) =>
        AssertValid(CapSamples.Bytes(message, earlier, options), $"version {message.Version} ({message.MsgType})").Root!;

    private static string Value(XElement parent, string name) => parent.Element(CapNs + name)?.Value ?? throw new Xunit.Sdk.XunitException($"<{name}> is missing from <{parent.Name.LocalName}>");

    private static string Triplet(WarningVersion version) =>
        $"{CapSamples.Actual.Sender},urn:earlywarning:warning:{CapSamples.WarningId}:{version.Version},{CapFormat.DateTime(version.KnownAt)}";

    [Fact]
    public void a_raise_is_an_alert_without_references()
    {
        var alert = Alert(V1);
        Assert.Equal(CapMsgType.Alert, Value(alert, "msgType"));
        Assert.Equal($"urn:earlywarning:warning:{CapSamples.WarningId}:1", Value(alert, "identifier"));
        Assert.Null(alert.Element(CapNs + "references"));
    }

    [Fact]
    public void an_update_is_an_update_referencing_every_earlier_message_oldest_first()
    {
        var alert = Alert(V3, [V1, V2]);
        Assert.Equal(CapMsgType.Update, Value(alert, "msgType"));
        Assert.Equal($"{Triplet(V1)} {Triplet(V2)}", Value(alert, "references"));
        Assert.Contains("severity Severe → Extreme", Value(alert.Element(CapNs + "info")!, "description"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public void a_resolve_is_a_cancel_of_every_earlier_message_with_the_reason_in_the_note(string reason)
    {
        var resolved = CapSamples.Resolved(4, reason, reason == WarningResolved.ReasonSuperseded ? "successor-warning" : null);
        var alert = Alert(resolved, [V1, V2, V3]);
        Assert.Equal(CapMsgType.Cancel, Value(alert, "msgType"));
        Assert.Equal($"{Triplet(V1)} {Triplet(V2)} {Triplet(V3)}", Value(alert, "references"));
        Assert.Contains($"({reason})", Value(alert, "note"), StringComparison.Ordinal);
        var info = alert.Element(CapNs + "info")!;
        Assert.Equal(CapUrgency.Past, Value(info, "urgency"));
        if (reason == WarningResolved.ReasonSuperseded)
            Assert.Contains("successor-warning", Value(alert, "note"), StringComparison.Ordinal);
        var allClear = info.Elements(CapNs + "responseType").Any(e => e.Value == "AllClear");
        Assert.Equal(reason is WarningResolved.ReasonQuiet or WarningResolved.ReasonWithdrawn, allClear);
    }

    [Fact]
    public void a_warning_reopened_after_its_cancel_is_an_update_that_references_the_cancel_too()
    {
        var cancel = CapSamples.Resolved(2, WarningResolved.ReasonWithdrawn);
        var reopened = CapSamples.Updated(3, "reopened after withdrawn");
        var alert = Alert(reopened, [V1, cancel]);
        Assert.Equal(CapMsgType.Update, Value(alert, "msgType"));
        Assert.Equal($"{Triplet(V1)} {Triplet(cancel)}", Value(alert, "references"));
    }

    [Fact]
    public void identifiers_are_unique_across_versions_and_warnings_and_free_of_characters_cap_forbids()
    {
        var identifiers = new List<string>();
        foreach (var warningId in new[] { CapSamples.WarningId, "another", "with space,comma&amp<" })
        {
            for (var version = 1; version <= 12; version++)
                identifiers.Add(CapFormat.Identifier(warningId, version));
        }
        Assert.Equal(identifiers.Count, identifiers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(identifiers, id => Assert.DoesNotMatch(@"[\s,<&]", id));
    }

    [Fact]
    public void every_date_time_is_utc_to_the_second_with_an_offset_and_never_z()
    {
        // Known at 07:50:00.0001234 in Pakistan (+05:00): 02:50:00 UTC, the fraction dropped.
        var known = new DateTimeOffset(2026, 1, 31, 7, 50, 0, TimeSpan.FromHours(5)).AddTicks(1234);
        var message = WarningVersion.From(new WarningRaised(CapSamples.FourAttacks, 1, known, null))!;
        var alert = Alert(message);
        Assert.Equal("2026-01-31T02:50:00-00:00", Value(alert, "sent"));
        var info = alert.Element(CapNs + "info")!;
        var times = new[] { Value(alert, "sent"), Value(info, "onset") }
            .Concat(info.Elements(CapNs + "parameter").Where(p => Value(p, "valueName").EndsWith("At", StringComparison.Ordinal)).Select(p => Value(p, "value")))
            .ToList();
        Assert.True(times.Count >= 4, string.Join(", ", times));
        Assert.All(times, t => Assert.Matches(UtcDateTime(), t));
    }

    [Fact]
    public void the_status_is_actual_by_default_and_exercise_when_configured_with_a_note_saying_so()
    {
        Assert.Equal(CapStatus.Actual, Value(Alert(V1), "status"));
        Assert.Null(Alert(V1).Element(CapNs + "note"));
        var exercise = Alert(V1, options: CapSamples.Exercise);
        Assert.Equal(CapStatus.Exercise, Value(exercise, "status"));
        Assert.StartsWith("Exercise", Value(exercise, "note"), StringComparison.Ordinal);
    }

    [Fact]
    public void every_element_cap_requires_is_present_and_the_restricted_scope_has_its_restriction()
    {
        var alert = Alert(V3, [V1, V2]);
        foreach (var name in new[] { "identifier", "sender", "sent", "status", "msgType", "scope" })
            Assert.False(string.IsNullOrWhiteSpace(Value(alert, name)), name);
        Assert.Equal(CapSamples.Actual.Sender, Value(alert, "sender"));
        Assert.Equal("Restricted", Value(alert, "scope"));
        Assert.False(string.IsNullOrWhiteSpace(Value(alert, "restriction")));

        var info = Assert.Single(alert.Elements(CapNs + "info"));
        foreach (var name in new[] { "language", "category", "event", "urgency", "severity", "certainty", "headline", "description", "web" })
            Assert.False(string.IsNullOrWhiteSpace(Value(info, name)), name);
        Assert.Equal("en", Value(info, "language"));
        Assert.Equal("Security", Value(info, "category"));
        Assert.Equal("Coordinated attacks across districts", Value(info, "event"));
        Assert.Equal($"{CapSamples.BaseUrl.AbsoluteUri}api/warnings/{CapSamples.WarningId}", Value(info, "web"));

        var parameters = info.Elements(CapNs + "parameter").ToDictionary(p => Value(p, "valueName"), p => Value(p, "value"));
        Assert.Equal(CapSamples.WarningId, parameters["warningId"]);
        Assert.Equal("coordinated-attacks", parameters["ruleId"]);
        Assert.Equal("3", parameters["version"]);
        Assert.Equal("4", parameters["incidentCount"]);
        Assert.Equal("3", parameters["districtCount"]);

        var area = Assert.Single(info.Elements(CapNs + "area"));
        Assert.StartsWith("Balochistan: ", Value(area, "areaDesc"), StringComparison.Ordinal);
    }

    [Fact]
    public void the_area_has_a_geocode_per_district_and_a_circle_around_each_incident_wider_at_a_centroid()
    {
        var area = Alert(V1).Element(CapNs + "info")!.Element(CapNs + "area")!;
        var districts = area.Elements(CapNs + "geocode").Where(g => Value(g, "valueName") == CapAlertWriter.DistrictGeocode).Select(g => Value(g, "value"));
        Assert.Equal(["gwadar", "kech", "quetta"], districts);
        Assert.Contains(area.Elements(CapNs + "geocode"), g => Value(g, "valueName") == CapAlertWriter.ProvinceGeocode && Value(g, "value") == "PK-BA");
        Assert.Equal("Balochistan: Gwadar, Kech, Quetta", Value(area, "areaDesc"));

        var circles = area.Elements(CapNs + "circle").Select(c => c.Value).ToList();
        Assert.Equal(4, circles.Count);
        var quetta = Gazetteer.Gazetteer.Default.FindDistrictById("quetta")!.Centroid;
        Assert.Contains($"{CapFormat.Number(quetta.Latitude)},{CapFormat.Number(quetta.Longitude)} 20.0", circles);
        Assert.Equal(2, circles.Count(c => c.EndsWith(" 5.0", StringComparison.Ordinal)));
        Assert.All(circles, c => Assert.Matches(@"^-?\d+(\.\d+)?,-?\d+(\.\d+)? \d+\.\d$", c));
    }

    [Fact]
    public void vocabularies_are_caps_own_and_a_value_outside_them_becomes_unknown()
    {
        var odd = CapSamples.Raised(CapSamples.FourAttacks with { Severity = "Catastrophic", Urgency = "Now", Certainty = "Sure" });
        var info = Alert(odd).Element(CapNs + "info")!;
        Assert.Equal(CapSeverity.Unknown, Value(info, "severity"));
        Assert.Equal(CapUrgency.Unknown, Value(info, "urgency"));
        Assert.Equal(CapCertainty.Unknown, Value(info, "certainty"));

        var normal = Alert(V1).Element(CapNs + "info")!;
        Assert.Contains(Value(normal, "severity"), CapSeverity.All);
        Assert.Contains(Value(normal, "urgency"), CapUrgency.All);
        Assert.Contains(Value(normal, "certainty"), CapCertainty.All);
    }

    [Fact]
    public void text_with_control_characters_from_a_report_still_makes_a_valid_document()
    {
        var dirty = CapSamples.Raised(CapSamples.FourAttacks with { Headline = "Attacks\u0001 in \u0008Kech", GroupName = "Balo\u000Bchistan" });
        var info = Alert(dirty).Element(CapNs + "info")!;
        Assert.Equal("Attacks in Kech", Value(info, "headline"));
    }

    [Fact]
    public void the_document_declares_utf8_and_is_utf8()
    {
        var bytes = CapSamples.Bytes(V1);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public void every_kind_of_message_validates_against_the_schema_under_either_status()
    {
        var messages = new List<(WarningVersion, WarningVersion[])> { (V1, []), (V2, [V1]), (V3, [V1, V2]) };
        foreach (var reason in Reasons)
            messages.Add((CapSamples.Resolved(4, reason, "x"), [V1, V2, V3]));
        foreach (var options in new[] { CapSamples.Actual, CapSamples.Exercise })
        {
            foreach (var (message, earlier) in messages)
                AssertValid(CapSamples.Bytes(message, earlier, options), $"{message.MsgType} v{message.Version} {message.Reason} ({options.Status})");
        }
    }
}
