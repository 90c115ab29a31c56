using EarlyWarning.Contracts.Reports;
using EarlyWarning.Ingest.Validation;

namespace EarlyWarning.Ingest.Tests.Validation;

public sealed class ReportValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ReportValidator _validator = new(Gazetteer.Gazetteer.Default, new IngestOptions(), new FixedClock(Now));

    [Fact]
    public void a_valid_report_is_normalised_and_placed()
    {
        var report = Reports.Tump() with
        {
            SourceId = "police-kech",
            Reliability = "b",
            IncidentType = "Armed-Assault",
            Targets = ["security-forces", "SECURITY-FORCES", "highway"],
            Text = "  Attack on an FC post.  ",
            OccurredAt = new DateTimeOffset(2026, 1, 31, 4, 40, 0, TimeSpan.FromHours(5)),
        };

        var result = _validator.Validate(report);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var recorded = result.Value!;
        Assert.Equal("B", recorded.Reliability);
        Assert.Equal("armed-assault", recorded.IncidentType);
        Assert.Equal(["security-forces", "highway"], recorded.Targets);
        Assert.Equal("Attack on an FC post.", recorded.Text);
        Assert.Equal(TimeSpan.Zero, recorded.OccurredAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 30, 23, 40, 0, TimeSpan.Zero), recorded.OccurredAt);
        Assert.Equal(("balochistan", "kech", "tump"), (recorded.Location.ProvinceId, recorded.Location.DistrictId, recorded.Location.PlaceId));
        Assert.Equal("near", recorded.Location.GeoPrecision);
    }

    [Fact]
    public void a_report_without_place_stands_at_the_district_centroid()
    {
        var result = _validator.Validate(Reports.In("D.I. Khan", province: "KPK"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("khyber-pakhtunkhwa", result.Value!.Location.ProvinceId);
        Assert.Equal("dera-ismail-khan", result.Value.Location.DistrictId);
        Assert.Equal("region", result.Value.Location.GeoPrecision);
    }

    [Fact]
    public void reported_coordinates_are_kept_when_they_fit_the_district()
    {
        var report = Reports.Tump() with { Location = new ReportedLocation("Balochistan", "Gwadar", null, 25.12, 62.33, "exact") };

        var result = _validator.Validate(report);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal((25.12, 62.33, "exact"), (result.Value!.Location.Latitude, result.Value.Location.Longitude, result.Value.Location.GeoPrecision));
    }

    public static TheoryData<string, Func<IncidentReported, IncidentReported>, string> Malformed => new()
    {
        { "no source", r => r with { SourceId = null! }, "sourceId" },
        { "source with spaces", r => r with { SourceId = "Police Kech" }, "sourceId" },
        { "no report id", r => r with { ReportId = " " }, "reportId" },
        { "report id with spaces", r => r with { ReportId = "a b" }, "reportId" },
        { "report id too long", r => r with { ReportId = new string('x', 129) }, "reportId" },
        { "reliability G", r => r with { Reliability = "G" }, "reliability" },
        { "credibility 0", r => r with { Credibility = 0 }, "credibility" },
        { "no occurred-at", r => r with { OccurredAt = default }, "occurredAt" },
        { "occurred tomorrow", r => r with { OccurredAt = Now.AddDays(1), ReportedAt = Now }, "occurredAt" },
        { "reported next year", r => r with { ReportedAt = Now.AddYears(1) }, "reportedAt" },
        { "occurred after it was reported", r => r with { OccurredAt = Now.AddHours(-1), ReportedAt = Now.AddHours(-3) }, "occurredAt" },
        { "before 2000", r => r with { OccurredAt = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero) }, "occurredAt" },
        { "precision minute", r => r with { OccurredAtPrecision = "minute" }, "occurredAtPrecision" },
        { "no location", r => r with { Location = null! }, "location" },
        { "unknown district", r => r with { Location = new ReportedLocation("Balochistan", "Atlantis", null) }, "location.district" },
        { "unknown province", r => r with { Location = new ReportedLocation("Narnia", "Kech", null) }, "location.province" },
        { "district in another province", r => r with { Location = new ReportedLocation("Punjab", "Kech", null) }, "location" },
        { "ambiguous place", r => r with { Location = new ReportedLocation(null, null, "Bagh") }, "location" },
        { "coordinates in India", r => r with { Location = new ReportedLocation("Balochistan", "Kech", null, 28.6, 77.9) }, "location.latitude" },
        { "coordinates far from the district", r => r with { Location = new ReportedLocation("Balochistan", "Gwadar", null, 34.0, 71.5) }, "location.latitude" },
        { "half a coordinate", r => r with { Location = new ReportedLocation("Balochistan", "Kech", null, 26.0) }, "location.longitude" },
        { "unknown type", r => r with { IncidentType = "riot" }, "incidentType" },
        { "unknown target", r => r with { Targets = ["tanks"] }, "targets[0]" },
        { "negative killed", r => r with { Casualties = new Casualties(Civilians: new SideCasualties(-1)) }, "casualties.civilians.killed" },
        { "absurd injured", r => r with { Casualties = new Casualties(Militants: new SideCasualties(null, 1_000_000)) }, "casualties.militants.injured" },
        { "unknown claim status", r => r with { ClaimStatus = "maybe" }, "claimStatus" },
        { "claimed by nobody", r => r with { ClaimStatus = "claimed", Perpetrator = null }, "perpetrator" },
        { "huge text", r => r with { Text = new string('x', 100_000) }, "text" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void a_malformed_report_is_rejected_naming_the_field(string _, Func<IncidentReported, IncidentReported> spoil, string field)
    {
        var result = _validator.Validate(spoil(Reports.Tump()));

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Contains(result.Errors, e => e.Field == field);
    }

    [Fact]
    public void every_error_is_listed_not_only_the_first()
    {
        var report = Reports.Tump() with { SourceId = "", Reliability = "Z", IncidentType = "riot", Text = new string('x', 5000) };

        var fields = _validator.Validate(report).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["sourceId", "reliability", "incidentType", "text"], fields);
    }

    [Fact]
    public void a_correction_must_correct_something()
    {
        var result = _validator.Validate(new IncidentCorrected("police-kech", "R-1", "C-1", Now));

        Assert.Contains(result.Errors, e => e.Field == "$");
    }

    [Fact]
    public void a_retraction_needs_a_reason()
    {
        var result = _validator.Validate(new IncidentRetracted("police-kech", "R-1", Now, " "));

        Assert.Contains(result.Errors, e => e.Field == "reason");
    }

    [Fact]
    public void a_null_message_is_rejected_whole()
    {
        Assert.Equal("$", Assert.Single(_validator.Validate((IncidentReported?)null).Errors).Field);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
