using System.Text.Json.Nodes;
using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Operators;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Gazetteer;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Entitlements;

public sealed class EntitlementTests
{
    private static readonly GeoPoint Turbat = new(26.0012, 63.0485);

    private static Entitlement Of(string[]? provinces = null, EntitlementArea? area = null, string[]? kinds = null, string? minimum = null, Allow? allow = null) =>
        new(provinces ?? ["balochistan"], area, kinds ?? [EventKinds.Incidents, EventKinds.Warnings], minimum, allow ?? Allow.Nothing);

    [Fact]
    public void an_incident_is_admitted_by_its_province_only()
    {
        Assert.NotNull(Of(["balochistan"]).Admit(Incidents.Recorded()));
        Assert.Null(Of(["khyber-pakhtunkhwa"]).Admit(Incidents.Recorded()));
    }

    [Fact]
    public void an_incident_exactly_on_the_radius_is_inside_and_just_beyond_it_is_not()
    {
        var edge = Incidents.Location(latitude: 26.2, longitude: 63.0485);
        var beyond = Incidents.Location(latitude: 26.2001, longitude: 63.0485);
        var area = new EntitlementArea(Turbat, Turbat.KilometresTo(new GeoPoint(edge.Latitude, edge.Longitude)));
        var entitlement = Of([], area);

        Assert.NotNull(entitlement.Admit(Incidents.Recorded(edge)));
        Assert.Null(entitlement.Admit(Incidents.Recorded(beyond)));
    }

    [Fact]
    public void a_province_and_an_area_must_both_hold()
    {
        var area = new EntitlementArea(Turbat, 25);

        Assert.Null(Of(["khyber-pakhtunkhwa"], area).Admit(Incidents.Recorded()));
        Assert.NotNull(Of(["balochistan"], area).Admit(Incidents.Recorded()));
    }

    [Theory]
    [InlineData(CapSeverity.Moderate, false)]
    [InlineData(CapSeverity.Severe, true)]
    [InlineData(CapSeverity.Extreme, true)]
    public void a_warning_below_the_minimum_severity_is_not_admitted(string severity, bool admitted)
    {
        var warning = SampleWarnings.Raised(SampleWarnings.Coordinated(severity: severity));

        Assert.Equal(admitted, Of(minimum: CapSeverity.Severe).Admit(warning) is not null);
        Assert.NotNull(Of().Admit(warning));
    }

    [Fact]
    public void a_warning_of_another_province_is_not_admitted_but_a_national_one_with_an_incident_here_is()
    {
        var kp = SampleWarnings.Coordinated(province: "khyber-pakhtunkhwa");
        var national = SampleWarnings.Coordinated() with { ProvinceId = null, GroupBy = "all", GroupKey = "all" };

        Assert.Null(Of(["balochistan"]).Admit(SampleWarnings.Raised(kp)));
        Assert.NotNull(Of(["balochistan"]).Admit(SampleWarnings.Updated(national, 2)));
        Assert.Null(Of(["khyber-pakhtunkhwa"]).Admit(SampleWarnings.Resolved(national, 3)));
    }

    [Fact]
    public void kinds_admit_incidents_or_warnings_or_both()
    {
        var warning = SampleWarnings.Raised(SampleWarnings.Coordinated());

        Assert.Null(Of(kinds: [EventKinds.Incidents]).Admit(warning));
        Assert.NotNull(Of(kinds: [EventKinds.Incidents]).Admit(Incidents.Recorded()));
        Assert.Null(Of(kinds: [EventKinds.Warnings]).Admit(Incidents.Recorded()));
        Assert.NotNull(Of(kinds: [EventKinds.Warnings]).Admit(warning));
    }

    [Fact]
    public void source_identities_and_notes_are_redacted_by_default()
    {
        var location = Incidents.Location();
        var corrected = new ReportCorrected("incident-1", "police-kech", "report-7", "fix-1", Incidents.At, Incidents.Report(location), "Typo in the figures.", Incidents.Summary(location));
        var retracted = new ReportRetracted("incident-1", "police-kech", "report-7", Incidents.At, "Wrong district.", Incidents.Summary(location));

        var recorded = Of().Admit(Incidents.Recorded())!;
        Assert.False(recorded["incident"]!.AsObject().ContainsKey("sources"));
        Assert.False(recorded["report"]!.AsObject().ContainsKey("sourceId"));
        Assert.False(recorded["report"]!.AsObject().ContainsKey("reportId"));
        Assert.False(recorded["report"]!.AsObject().ContainsKey("text"));
        Assert.Equal("BLA", recorded["report"]!["perpetrator"]!.GetValue<string>());

        var correction = Of().Admit(corrected)!;
        foreach (var property in new[] { "sourceId", "reportId", "correctionId", "note" })
            Assert.False(correction.ContainsKey(property), property);
        var retraction = Of().Admit(retracted)!;
        Assert.False(retraction.ContainsKey("sourceId"));
        Assert.False(retraction.ContainsKey("reason"));
        Assert.DoesNotContain("police-kech", correction.ToJsonString() + retraction.ToJsonString() + recorded.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void an_entitlement_can_allow_source_identities_and_notes_each()
    {
        var sources = Of(allow: new Allow(SourceIdentities: true, Notes: false)).Admit(Incidents.Recorded())!;
        Assert.Equal("police-kech", sources["incident"]!["sources"]![0]!.GetValue<string>());
        Assert.Equal("police-kech", sources["report"]!["sourceId"]!.GetValue<string>());
        Assert.False(sources["report"]!.AsObject().ContainsKey("text"));

        var notes = Of(allow: new Allow(SourceIdentities: false, Notes: true)).Admit(Incidents.Recorded())!;
        Assert.Equal("Militants attacked a post.", notes["report"]!["text"]!.GetValue<string>());
        Assert.False(notes["incident"]!.AsObject().ContainsKey("sources"));
    }

    [Fact]
    public void a_silence_reason_on_a_warning_is_a_note()
    {
        var silenced = SampleWarnings.Coordinated() with { Suppression = new WarningSuppression(WarningSuppression.Silenced, "s-1", "Exercise in Kech today") };

        var data = Of().Admit(SampleWarnings.Raised(silenced))!;

        Assert.False(data["warning"]!["suppression"]!.AsObject().ContainsKey("reason"));
        Assert.Equal("silenced", data["warning"]!["suppression"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void nothing_but_incident_and_warning_events_is_ever_admitted()
    {
        var everything = new Entitlement([], new EntitlementArea(Turbat, 20_000), EventKinds.All, null, new Allow(true, true));

        Assert.Null(everything.Admit(new SilenceAdded("s-1", null, "balochistan", null, Incidents.At, "drill", "duty-officer")));
        Assert.Null(everything.Admit(new JsonObject()));
        Assert.Null(everything.Admit(null));
    }

    [Fact]
    public void an_incident_event_type_on_another_stream_is_not_admitted()
    {
        var registry = ContractTypes.CreateRegistry();
        var everything = new Entitlement([], new EntitlementArea(Turbat, 20_000), EventKinds.All, null, new Allow(true, true));
        RecordedEvent On(string stream)
        {
            var data = registry.ToEventData(Incidents.Recorded(), Guid.NewGuid());
            return new RecordedEvent(data.EventId, data.Type, new StreamName(stream), StreamRevision.Start, new GlobalPosition(7), Incidents.At, data.Data, "{}"u8.ToArray());
        }

        Assert.NotNull(everything.Admit(On("incident-1"), registry));
        Assert.Null(everything.Admit(On("soc-1"), registry));
        Assert.Null(everything.Admit(On("report-police-kech/report-7"), registry));
        Assert.Equal(7, everything.Admit(On("incident-1"), registry)!.Position);
    }

    [Fact]
    public void an_operators_audit_event_is_never_admitted()
    {
        var registry = ContractTypes.CreateRegistry();
        var everything = new Entitlement([], new EntitlementArea(Turbat, 20_000), EventKinds.All, null, new Allow(true, true));
        var rebuilt = new ReadModelRebuilt("warnings-board", "EarlyWarning.Host", "duty-officer", 120, 130, 15, Incidents.At);
        var data = registry.ToEventData(rebuilt, Guid.NewGuid());
        var recorded = new RecordedEvent(data.EventId, data.Type, OperatorStreams.Audit, StreamRevision.Start, new GlobalPosition(9), Incidents.At, data.Data, "{}"u8.ToArray());

        Assert.False(Entitlement.Streams.Matches(recorded));
        Assert.Null(everything.Admit(recorded, registry));
        Assert.Null(everything.Admit(rebuilt));
    }
}
