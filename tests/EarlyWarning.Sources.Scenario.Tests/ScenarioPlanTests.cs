using Xunit;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>What a playback publishes at once, what on the clock, and when.</summary>
public sealed class ScenarioPlanTests
{
    private static IEnumerable<string> Ids(IEnumerable<ScenarioEntry> entries) => entries.Select(e => e.ReportId);

    [Fact]
    public void entries_before_live_from_are_history_and_the_rest_live()
    {
        var plan = SmallScenario.At(-120, -1, 0, 10, 60).Plan(new ScenarioOptions());

        Assert.Equal(["r-0", "r-1"], Ids(plan.History));
        Assert.Equal(["r-2", "r-3", "r-4"], Ids(plan.Live));
        Assert.Equal(SmallScenario.LiveFrom, plan.From);
        Assert.Equal(5, plan.Count);
    }

    [Fact]
    public void from_moves_the_start_of_live_play()
    {
        var plan = SmallScenario.At(-120, -1, 0, 10, 60).Plan(new ScenarioOptions { From = SmallScenario.LiveFrom.AddMinutes(10) });

        Assert.Equal(["r-0", "r-1", "r-2"], Ids(plan.History));
        Assert.Equal(["r-3", "r-4"], Ids(plan.Live));
        Assert.Equal(TimeSpan.Zero, plan.DueAfter(plan.Live[0]));
    }

    [Fact]
    public void only_live_leaves_the_history_out_and_counts_it()
    {
        var plan = SmallScenario.At(-120, -1, 0, 10).Plan(new ScenarioOptions { OnlyLive = true });

        Assert.Empty(plan.History);
        Assert.Equal(2, plan.Skipped);
        Assert.Equal(["r-2", "r-3"], Ids(plan.Messages));
    }

    [Theory]
    [InlineData(1, 600)]
    [InlineData(60, 10)]
    [InlineData(600, 1)]
    [InlineData(2.5, 240)]
    public void a_live_entry_is_due_its_scenario_offset_divided_by_the_speed(double speed, double seconds)
    {
        var plan = SmallScenario.At(0, 10).Plan(new ScenarioOptions { Speed = ScenarioSpeed.Of(speed) });

        Assert.Equal(TimeSpan.FromSeconds(seconds), plan.DueAfter(plan.Live[1]));
        Assert.Equal(TimeSpan.FromSeconds(seconds), plan.LiveDuration);
    }

    [Fact]
    public void at_max_speed_nothing_waits() =>
        Assert.Equal(TimeSpan.Zero, SmallScenario.At(0, 10, 600).Plan(new ScenarioOptions { Speed = ScenarioSpeed.Max }).LiveDuration);

    [Fact]
    public void the_default_speed_is_ten_scenario_minutes_a_second()
    {
        var plan = ScenarioFile.Default.Plan(new ScenarioOptions());

        Assert.Equal(ScenarioSpeed.Default, plan.Speed);
        Assert.Equal((plan.Live[^1].PublishAt - ScenarioFile.Default.LiveFrom) / 600, plan.LiveDuration);
    }

    [Fact]
    public void describe_gives_the_counts_by_kind_and_the_time_ranges()
    {
        var lines = SmallScenario.WithCorrectionLast(-60, 0, 30).Plan(new ScenarioOptions { Speed = ScenarioSpeed.Of(60) }).Describe();

        Assert.Equal(
            [
                "Scenario small.json: 3 messages would be published: 2 reported, 1 corrected, 0 retracted.",
                "History: 1 messages at once, publishAt 2026-01-30T23:00:00+05:00 to 2026-01-30T23:00:00+05:00.",
                "Live: 2 messages, publishAt 2026-01-31T00:00:00+05:00 to 2026-01-31T00:30:00+05:00, from 2026-01-31T00:00:00+05:00 at speed 60x: 00:00:30 of real time.",
            ],
            lines);
    }

    [Theory]
    [InlineData("max", double.PositiveInfinity)]
    [InlineData("MAX", double.PositiveInfinity)]
    [InlineData("1", 1)]
    [InlineData("60", 60)]
    [InlineData("2.5", 2.5)]
    public void a_speed_is_max_or_a_number_of_at_least_1(string text, double factor)
    {
        Assert.True(ScenarioSpeed.TryParse(text, out var speed));
        Assert.Equal(factor, speed.Factor);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("-5")]
    [InlineData("fast")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e3")]
    [InlineData("")]
    public void anything_else_is_not_a_speed(string text) =>
        Assert.False(ScenarioSpeed.TryParse(text, out _));
}
