using EarlyWarning.Contracts.Reports;
using EarlyWarning.Sources.Feed.Acled;
using EarlyWarning.Sources.Feed.Mapping;
using Xunit;
using static EarlyWarning.Sources.Feed.Tests.Mapping.AcledMapperTypeTests;

namespace EarlyWarning.Sources.Feed.Tests.Mapping;

public sealed class AcledMapperFieldTests
{
    /// <summary>Gunmen kill civilians in Bannu.</summary>
    private static AcledRow CiviliansAttacked => AcledFile.Row() with
    {
        EventType = "Violence against civilians",
        SubEventType = "Attack",
        Actor1 = "Unidentified Armed Group (Pakistan)",
        Actor2 = "Civilians (Pakistan)",
        Inter2 = "7",
        CivilianTargeting = "Civilian targeting",
        Notes = "Gunmen opened fire on a group of people.",
    };

    [Fact]
    public void the_report_carries_the_source_its_grades_and_acleds_event_id()
    {
        var report = new AcledMapper(new ReportDefaults("acled-pk", "C", 3), Gazetteer.Gazetteer.Default, FixedClock.April2026).Map(AcledFile.Row());
        var mapped = Assert.IsType<Mapped>(report).Report;
        Assert.Equal(("acled-pk", "PAK100", "C", 3), (mapped.SourceId, mapped.ReportId, mapped.Reliability, mapped.Credibility));
    }

    [Fact]
    public void the_defaults_are_acled_b_2()
    {
        var report = Mapped(AcledFile.Row());
        Assert.Equal(("acled", "B", 2), (report.SourceId, report.Reliability, report.Credibility));
    }

    [Theory]
    [InlineData("31 January 2026")]
    [InlineData("2026-01-31")]
    [InlineData("31-January-2026")]
    [InlineData("31 Jan 2026")]
    public void event_date_is_midnight_utc_of_that_day_at_day_precision(string date)
    {
        var report = Mapped(AcledFile.Row() with { EventDate = date });
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), report.OccurredAt);
        Assert.Equal("day", report.OccurredAtPrecision);
    }

    [Fact]
    public void reported_at_is_acleds_timestamp()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.Zero), Mapped(AcledFile.Row()).ReportedAt);
    }

    [Fact]
    public void reported_at_is_the_event_date_without_a_timestamp()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), Mapped(AcledFile.Row() with { Timestamp = "" }).ReportedAt);
    }

    [Theory]
    [InlineData("1", "exact")]
    [InlineData("2", "near")]
    [InlineData("3", "region")]
    public void geo_precision_maps_to_exact_near_region(string acled, string expected)
    {
        var location = Mapped(AcledFile.Row() with { GeoPrecision = acled }).Location;
        Assert.Equal(new ReportedLocation("Khyber Pakhtunkhwa", "Bannu", "Bannu", 32.9853, 70.604, expected), location);
    }

    [Fact]
    public void without_coordinates_the_location_has_none_and_no_geo_precision()
    {
        var location = Mapped(AcledFile.Row() with { Latitude = "", Longitude = "", GeoPrecision = "" }).Location;
        Assert.Equal(new ReportedLocation("Khyber Pakhtunkhwa", "Bannu", "Bannu"), location);
    }

    [Fact]
    public void the_location_is_sent_as_acled_spells_it_once_the_gazetteer_placed_it()
    {
        var row = AcledFile.Row() with { Admin1 = "Khyber Pakhtunkhwa", Admin2 = "South Waziristan", Location = "Wana", Latitude = "32.2989", Longitude = "69.5725" };
        Assert.Equal(new ReportedLocation("Khyber Pakhtunkhwa", "South Waziristan", "Wana", 32.2989, 69.5725, "exact"), Mapped(row).Location);
    }

    [Fact]
    public void fatalities_of_civilians_targeted_go_to_civilians()
    {
        var row = CiviliansAttacked with { Fatalities = "3" };
        Assert.Equal(new Casualties(Civilians: new SideCasualties(3)), Mapped(row).Casualties);
    }

    [Fact]
    public void fatalities_go_to_civilians_when_actor2_is_civilians_even_without_the_civilian_targeting_column()
    {
        var row = CiviliansAttacked with { CivilianTargeting = "", Fatalities = "3" };
        Assert.Equal(new Casualties(Civilians: new SideCasualties(3)), Mapped(row).Casualties);
    }

    [Fact]
    public void fatalities_of_an_attack_on_state_forces_go_to_security_forces()
    {
        Assert.Equal(new Casualties(SecurityForces: new SideCasualties(2)), Mapped(AcledFile.Row()).Casualties);
    }

    [Fact]
    public void fatalities_of_a_security_operation_go_to_militants()
    {
        var row = AcledFile.Row() with { Actor1 = "Military Forces of Pakistan (2018-)", Inter1 = "1", Actor2 = "TTP: Tehreek-i-Taliban Pakistan", Inter2 = "2", Fatalities = "6" };
        Assert.Equal(new Casualties(Militants: new SideCasualties(6)), Mapped(row).Casualties);
    }

    [Fact]
    public void fatalities_of_militants_fighting_militants_go_to_militants()
    {
        var row = AcledFile.Row() with { Actor2 = "Lashkar-e-Islam", Inter2 = "3", Fatalities = "4" };
        Assert.Equal(new Casualties(Militants: new SideCasualties(4)), Mapped(row).Casualties);
    }

    [Fact]
    public void zero_fatalities_is_zero_killed_on_every_side()
    {
        var zero = new SideCasualties(0);
        Assert.Equal(new Casualties(zero, zero, zero), Mapped(AcledFile.Row() with { Fatalities = "0" }).Casualties);
    }

    [Fact]
    public void fatalities_on_no_side_that_can_be_told_are_kept_in_the_text_and_not_guessed()
    {
        var row = AcledFile.Row() with
        {
            EventType = "Explosions/Remote violence",
            SubEventType = "Remote explosive/landmine/IED",
            Actor2 = "",
            Inter2 = "",
            Notes = "An IED exploded near a vehicle.",
            Fatalities = "2",
        };
        var report = Mapped(row);
        Assert.Null(report.Casualties);
        Assert.Equal("An IED exploded near a vehicle.\n[ACLED: 2 fatalities, side not stated]", report.Text);
    }

    [Fact]
    public void no_fatalities_figure_is_no_casualties()
    {
        Assert.Null(Mapped(AcledFile.Row() with { Fatalities = "" }).Casualties);
    }

    [Theory]
    [InlineData("Military Forces of Pakistan (2018-)", "", "security-forces")]
    [InlineData("Police Forces of Pakistan (2018-)", "", "police")]
    [InlineData("Police Forces of Pakistan (2018-) Balochistan Levies", "", "police")]
    [InlineData("Government of Pakistan (2018-)", "", "government")]
    [InlineData("Military Forces of Pakistan (2018-)", "Police Forces of Pakistan (2018-); Government of Pakistan (2018-)", "security-forces,police,government")]
    public void state_forces_as_actor2_are_security_forces_police_or_government(string actor2, string associates, string expected)
    {
        var row = AcledFile.Row() with { Actor2 = actor2, AssocActor2 = associates };
        Assert.Equal(expected.Split(','), Mapped(row).Targets);
    }

    [Fact]
    public void foreign_civilians_are_civilians_and_foreign_nationals()
    {
        var row = CiviliansAttacked with { Actor2 = "Civilians (China)" };
        Assert.Equal(["civilians", "foreign-nationals"], Mapped(row).Targets);
    }

    [Fact]
    public void a_security_operation_targets_militants()
    {
        var row = AcledFile.Row() with { Actor1 = "Military Forces of Pakistan (2018-)", Inter1 = "1", Actor2 = "", Inter2 = "" };
        Assert.Equal(["militants"], Mapped(row).Targets);
    }

    [Fact]
    public void infrastructure_named_in_the_notes_is_targeted_too()
    {
        var row = CiviliansAttacked with { Notes = "Gunmen blocked the N-25 highway and fired on a bus; a CPEC site, a gas pipeline and a mobile tower nearby were hit, and the railway line." };
        Assert.Equal(["civilians", "highway", "rail", "cpec-site", "energy", "telecom"], Mapped(row).Targets);
    }

    [Fact]
    public void words_that_only_contain_a_keyword_are_not_targets()
    {
        var row = CiviliansAttacked with { Notes = "Gunmen attacked a training centre; the trainee was unhurt; a strained toweringly." };
        Assert.Equal(["civilians"], Mapped(row).Targets);
    }

    [Theory]
    [InlineData("TTP: Tehreek-i-Taliban Pakistan", "TTP")]
    [InlineData("BLA: Balochistan Liberation Army", "BLA")]
    [InlineData("Islamic State (Pakistan)", "Islamic State")]
    [InlineData("Islamic State (Khorasan Province)", "Islamic State (Khorasan Province)")]
    [InlineData("Lashkar-e-Jhangvi", "Lashkar-e-Jhangvi")]
    public void the_perpetrator_is_actor1_without_acleds_suffix_in_its_short_form(string actor1, string expected)
    {
        var report = Mapped(AcledFile.Row() with { Actor1 = actor1 });
        Assert.Equal((expected, "attributed"), (report.Perpetrator, report.ClaimStatus));
    }

    [Fact]
    public void an_unidentified_actor1_is_no_perpetrator_and_an_unknown_claim()
    {
        var report = Mapped(AcledFile.Row() with { Actor1 = "Unidentified Armed Group (Pakistan)", Notes = "Unknown men claimed responsibility." });
        Assert.Equal((null, "unknown"), (report.Perpetrator, report.ClaimStatus));
    }

    [Theory]
    [InlineData("TTP claimed responsibility for the attack.", "claimed")]
    [InlineData("The BLA claimed the attack in a statement.", "claimed")]
    [InlineData("Responsibility for the blast was claimed by TTP.", "claimed")]
    [InlineData("The attack claimed the lives of two soldiers.", "attributed")]
    [InlineData("Officials blamed TTP.", "attributed")]
    public void the_claim_is_claimed_only_when_the_notes_say_so(string notes, string expected)
    {
        Assert.Equal(expected, Mapped(AcledFile.Row() with { Notes = notes }).ClaimStatus);
    }

    [Fact]
    public void the_text_is_the_notes_cut_to_4000_characters()
    {
        var notes = new string('x', 5000);
        var text = Mapped(AcledFile.Row() with { Notes = notes }).Text!;
        Assert.Equal(4000, text.Length);
        Assert.EndsWith("x…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void a_cut_text_keeps_the_fatalities_line()
    {
        var row = AcledFile.Row() with { Actor2 = "", Inter2 = "", Notes = new string('x', 5000), Fatalities = "1" };
        var text = Mapped(row).Text!;
        Assert.Equal(4000, text.Length);
        Assert.EndsWith("…\n[ACLED: 1 fatality, side not stated]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void empty_notes_are_no_text()
    {
        Assert.Null(Mapped(AcledFile.Row() with { Notes = "" }).Text);
    }

    [Fact]
    public void actor_type_names_of_newer_exports_mean_what_their_codes_do()
    {
        var byCode = Mapped(AcledFile.Row());
        var byName = Mapped(AcledFile.Row() with { Inter1 = "Rebel group", Inter2 = "State forces" });
        Assert.Equal(byCode, byName with { Targets = byCode.Targets });
        Assert.Equal(byCode.Targets, byName.Targets);
    }
}
