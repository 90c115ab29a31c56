using EarlyWarning.Contracts.Reports;
using EarlyWarning.Sources.Feed.Acled;
using EarlyWarning.Sources.Feed.Mapping;
using Xunit;

namespace EarlyWarning.Sources.Feed.Tests.Mapping;

/// <summary>The type table of docs/feed.md, row by row.</summary>
public sealed class AcledMapperTypeTests
{
    private const string Ttp = "TTP: Tehreek-i-Taliban Pakistan";
    private const string Army = "Military Forces of Pakistan (2018-)";
    private const string AfghanArmy = "Military Forces of Afghanistan (2021-)";
    private const string Unidentified = "Unidentified Armed Group (Pakistan)";
    private const string Civilians = "Civilians (Pakistan)";

    internal static MappingResult Map(AcledRow row) =>
        new AcledMapper(ReportDefaults.Acled, Gazetteer.Gazetteer.Default, FixedClock.April2026).Map(row);

    internal static IncidentReported Mapped(AcledRow row) => Map(row) switch
    {
        Mapped mapped => mapped.Report,
        Unmappable unmappable => throw new Xunit.Sdk.XunitException($"Expected a report, got unmappable: {unmappable.Reason}"),
        var other => throw new Xunit.Sdk.XunitException($"Unexpected {other}"),
    };

    internal static string Reason(AcledRow row) => Assert.IsType<Unmappable>(Map(row)).Reason;

    private static AcledRow Event(string type, string sub, string inter1, string actor1, string inter2, string actor2, string notes = "Militants and security forces.", string fatalities = "2", string civilianTargeting = "") =>
        AcledFile.Row() with
        {
            EventType = type,
            SubEventType = sub,
            Inter1 = inter1,
            Actor1 = actor1,
            Inter2 = inter2,
            Actor2 = actor2,
            Notes = notes,
            Fatalities = fatalities,
            CivilianTargeting = civilianTargeting,
        };

    [Theory]
    [InlineData("Battles", "Armed clash", "2", Ttp, "1", Army, "TTP attacked a check post.", "armed-assault")]
    [InlineData("Battles", "Armed clash", "1", Army, "2", Ttp, "Security forces raided a compound.", "security-operation")]
    [InlineData("Battles", "Armed clash", "State forces", Army, "Rebel group", Ttp, "Security forces raided a compound.", "security-operation")]
    [InlineData("Battles", "Armed clash", "8", AfghanArmy, "1", Army, "Troops exchanged fire at the border.", "cross-border-fire")]
    [InlineData("Battles", "Armed clash", "1", Army, "2", Ttp, "Troops repulsed militants who crossed from Afghanistan.", "cross-border-fire")]
    [InlineData("Battles", "Government regains territory", "1", Army, "2", Ttp, "Troops retook a ridge.", "security-operation")]
    [InlineData("Battles", "Non-state actor overtakes territory", "2", Ttp, "1", Army, "Militants seized a post.", "armed-assault")]
    [InlineData("Explosions/Remote violence", "Suicide bomb", "2", Ttp, "1", Army, "A suicide bomber hit a convoy.", "suicide-attack")]
    [InlineData("Explosions/Remote violence", "Remote explosive/landmine/IED", "2", Unidentified, "1", Army, "An IED hit a convoy.", "bombing")]
    [InlineData("Explosions/Remote violence", "Remote explosive/landmine/IED", "2", Unidentified, "", "", "An IED damaged the railway track.", "infrastructure-attack")]
    [InlineData("Explosions/Remote violence", "Remote explosive/landmine/IED", "2", Unidentified, "", "", "An IED blew up a gas pipeline.", "infrastructure-attack")]
    [InlineData("Explosions/Remote violence", "Remote explosive/landmine/IED", "2", Unidentified, "", "", "An IED exploded on the highway.", "bombing")]
    [InlineData("Explosions/Remote violence", "Remote explosive/landmine/IED", "2", Unidentified, "7", Civilians, "An IED on the railway track killed passers-by.", "bombing")]
    [InlineData("Explosions/Remote violence", "Grenade", "2", Unidentified, "7", Civilians, "A grenade was thrown at a shop.", "bombing")]
    [InlineData("Explosions/Remote violence", "Shelling/artillery/missile attack", "8", AfghanArmy, "1", Army, "Mortar shells hit border posts.", "cross-border-fire")]
    [InlineData("Explosions/Remote violence", "Shelling/artillery/missile attack", "2", Unidentified, "7", Civilians, "Cross-border shelling hit a village.", "cross-border-fire")]
    [InlineData("Explosions/Remote violence", "Shelling/artillery/missile attack", "1", Army, "2", Ttp, "Artillery shelled militant positions.", "security-operation")]
    [InlineData("Explosions/Remote violence", "Shelling/artillery/missile attack", "2", Ttp, "1", Army, "Militants fired rockets at a camp.", "armed-assault")]
    [InlineData("Explosions/Remote violence", "Air/drone strike", "1", Army, "2", Ttp, "Jets struck hideouts.", "security-operation")]
    [InlineData("Explosions/Remote violence", "Air/drone strike", "8", AfghanArmy, "1", Army, "A drone struck a post.", "cross-border-fire")]
    [InlineData("Explosions/Remote violence", "Air/drone strike", "2", Ttp, "1", "Police Forces of Pakistan (2018-)", "A quadcopter dropped explosives on a police post.", "bombing")]
    [InlineData("Strategic developments", "Looting/property destruction", "2", "BLA: Balochistan Liberation Army", "", "", "Militants torched a mobile tower.", "infrastructure-attack")]
    public void event_types_map_as_the_table_says(string type, string sub, string inter1, string actor1, string inter2, string actor2, string notes, string expected)
    {
        Assert.Equal(expected, Mapped(Event(type, sub, inter1, actor1, inter2, actor2, notes)).IncidentType);
    }

    [Theory]
    [InlineData("1", "Gunmen shot a shopkeeper.", "targeted-killing")]
    [InlineData("2", "Two officials were assassinated.", "targeted-killing")]
    [InlineData("3", "Gunmen opened fire in a target killing.", "targeted-killing")]
    [InlineData("5", "Gunmen offloaded passengers and shot them.", "armed-assault")]
    [InlineData("0", "Gunmen fired at a house; nobody was hurt.", "armed-assault")]
    public void an_attack_on_civilians_is_a_targeted_killing_when_one_person_died_or_the_notes_say_so(string fatalities, string notes, string expected)
    {
        var row = Event("Violence against civilians", "Attack", "2", Unidentified, "7", Civilians, notes, fatalities, "Civilian targeting");
        Assert.Equal(expected, Mapped(row).IncidentType);
    }

    [Fact]
    public void an_abduction_is_a_kidnapping()
    {
        var row = Event("Violence against civilians", "Abduction/forced disappearance", "2", Unidentified, "7", Civilians, "Gunmen abducted a teacher.", "0", "Civilian targeting");
        Assert.Equal("kidnapping", Mapped(row).IncidentType);
    }

    [Theory]
    [InlineData("Protests", "Peaceful protest", "6", "Protesters (Pakistan)", "Protests / Peaceful protest is a protest, not a security incident")]
    [InlineData("Protests", "Excessive force against protesters", "1", "Police Forces of Pakistan (2018-)", "is a protest")]
    [InlineData("Riots", "Mob violence", "5", "Rioters (Pakistan)", "Riots / Mob violence is a riot, not a security incident")]
    [InlineData("Riots", "Violent demonstration", "5", "Rioters (Pakistan)", "is a riot")]
    [InlineData("Strategic developments", "Arrests", "1", "Police Forces of Pakistan (2018-)", "Strategic developments / Arrests is a strategic development")]
    [InlineData("Strategic developments", "Disrupted weapons use", "1", "Military Forces of Pakistan (2018-)", "is a strategic development")]
    [InlineData("Strategic developments", "Looting/property destruction", "5", "Rioters (Pakistan)", "is a strategic development")]
    [InlineData("Violence against civilians", "Attack", "1", "Police Forces of Pakistan (2018-)", "Violence against civilians / Attack by state forces: the incident types have none for violence by the state against civilians")]
    [InlineData("Violence against civilians", "Abduction/forced disappearance", "1", "Military Forces of Pakistan (2018-)", "by state forces")]
    [InlineData("Violence against civilians", "Sexual violence", "2", Unidentified, "Violence against civilians / Sexual violence has no incident type")]
    [InlineData("Explosions/Remote violence", "Chemical weapon", "2", Unidentified, "Explosions/Remote violence / Chemical weapon has no incident type")]
    [InlineData("Battles", "Skirmish", "2", Ttp, "unknown ACLED sub-event type 'Skirmish' of Battles")]
    [InlineData("Earthquakes", "Tremor", "2", Ttp, "unknown ACLED event type 'Earthquakes'")]
    public void event_types_without_an_incident_type_are_unmappable_with_the_reason(string type, string sub, string inter1, string actor1, string reason)
    {
        var row = Event(type, sub, inter1, actor1, "7", Civilians, "Something happened.", "0", "Civilian targeting");
        Assert.Contains(reason, Reason(row));
    }
}
