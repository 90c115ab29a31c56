using EarlyWarning.Contracts.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>The player on a fake clock: history at once, live entries at their scaled times, max speed, cancellation, confirms.</summary>
public sealed class ScenarioPlayerTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly RecordingPublishEndpoint bus = new();

    private ScenarioPlayer Player() => new(bus, clock, NullLogger<ScenarioPlayer>.Instance);

    private IEnumerable<string> PublishedIds => bus.Published.Select(m => m switch
    {
        IncidentReported r => r.ReportId,
        IncidentCorrected c => c.CorrectionId,
        _ => "?",
    });

    // The player runs on other threads; a condition it must reach is polled on the real clock, which the fake one does not drive.
    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The player did not get there within 10 s.");
            await Task.Delay(5);
        }
    }

    // Nothing more happens while the fake clock stands still: give the player a real moment to prove it.
    private async Task StaysAt(int count)
    {
        await Task.Delay(100);
        Assert.Equal(count, bus.Published.Count);
    }

    [Fact]
    public async Task the_history_is_published_at_once_and_live_entries_when_due()
    {
        var playing = Player().PlayAsync(SmallScenario.At(-120, -1, 0, 10, 60), new ScenarioOptions { Speed = ScenarioSpeed.Of(60) });

        await Eventually(() => bus.Published.Count == 3); // two history entries and the live one due at once
        await StaysAt(3);

        clock.Advance(TimeSpan.FromSeconds(9.9));
        await StaysAt(3);
        clock.Advance(TimeSpan.FromSeconds(0.1)); // 10 scenario minutes at 60x
        await Eventually(() => bus.Published.Count == 4);

        clock.Advance(TimeSpan.FromSeconds(49));
        await StaysAt(4);
        clock.Advance(TimeSpan.FromSeconds(1));
        var summary = await playing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["r-0", "r-1", "r-2", "r-3", "r-4"], PublishedIds);
        Assert.Equal(new ScenarioSummary(summary.RunId, 5, 0, 0, 5, Stopped: false), summary);
    }

    [Fact]
    public async Task due_times_count_from_the_start_of_live_play_not_from_the_previous_message()
    {
        var playing = Player().PlayAsync(SmallScenario.At(0, 10, 20), new ScenarioOptions { Speed = ScenarioSpeed.Of(60) });
        await Eventually(() => bus.Published.Count == 1);

        clock.Advance(TimeSpan.FromSeconds(25)); // past both remaining due times (10 s and 20 s) in one step

        await playing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, bus.Published.Count);
    }

    [Fact]
    public async Task at_max_speed_everything_is_published_without_the_clock_moving()
    {
        var summary = await Player().PlayAsync(SmallScenario.WithCorrectionLast(-60, 0, 600, 6000), new ScenarioOptions { Speed = ScenarioSpeed.Max })
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["r-0", "r-1", "r-2", "r-2-c1"], PublishedIds);
        Assert.Equal((3, 1, 0, false), (summary.Reported, summary.Corrected, summary.Retracted, summary.Stopped));
    }

    [Fact]
    public async Task only_live_publishes_nothing_from_before_the_start()
    {
        var summary = await Player().PlayAsync(SmallScenario.At(-60, -30, 0, 5), new ScenarioOptions { Speed = ScenarioSpeed.Max, OnlyLive = true });

        Assert.Equal(["r-2", "r-3"], PublishedIds);
        Assert.Equal(2, summary.Planned);
    }

    [Fact]
    public async Task cancelling_stops_the_playback_and_says_how_far_it_got()
    {
        using var cancel = new CancellationTokenSource();
        var playing = Player().PlayAsync(SmallScenario.At(-10, 0, 10, 20), new ScenarioOptions { Speed = ScenarioSpeed.Of(60) }, cancel.Token);
        await Eventually(() => bus.Published.Count == 2);

        await cancel.CancelAsync();
        var summary = await playing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(summary.Stopped);
        Assert.Equal((2, 4), (summary.Published, summary.Planned));
        Assert.Equal("stopped after 2 of 4 messages (2 reported, 0 corrected, 0 retracted)", summary.ToString());
        clock.Advance(TimeSpan.FromMinutes(1));
        await StaysAt(2);
    }

    [Fact]
    public async Task each_message_waits_for_its_confirm_before_the_next_is_sent()
    {
        bus.HoldConfirms = true;
        var playing = Player().PlayAsync(SmallScenario.At(-30, -20, -10), new ScenarioOptions { Speed = ScenarioSpeed.Max });

        for (var confirmed = 0; confirmed < 3; confirmed++)
        {
            await Eventually(() => bus.Unconfirmed == 1);
            await Task.Delay(50);
            Assert.Equal(1, bus.Unconfirmed); // the next one is not sent while this one waits
            Assert.Equal(confirmed, bus.Published.Count);
            bus.Confirm();
        }

        var summary = await playing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, summary.Published);
    }

    [Fact]
    public async Task a_message_cancelled_while_it_waits_for_its_confirm_is_not_counted()
    {
        bus.HoldConfirms = true;
        using var cancel = new CancellationTokenSource();
        var playing = Player().PlayAsync(SmallScenario.At(-30, -20), new ScenarioOptions { Speed = ScenarioSpeed.Max }, cancel.Token);
        await Eventually(() => bus.Unconfirmed == 1);
        bus.Confirm();
        await Eventually(() => bus.Unconfirmed == 1);

        await cancel.CancelAsync();
        var summary = await playing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(summary.Stopped);
        Assert.Equal(1, summary.Published);
    }

    [Fact]
    public async Task a_failed_publish_names_the_message_and_what_was_published_before_it()
    {
        var scenario = SmallScenario.At(-30, -20, -10);
        var player = Player();
        bus.HoldConfirms = true;
        var playing = player.PlayAsync(scenario, new ScenarioOptions { Speed = ScenarioSpeed.Max });
        await Eventually(() => bus.Unconfirmed == 1);
        bus.FailNext = new InvalidOperationException("broker gone");
        bus.Confirm();

        var ex = await Assert.ThrowsAsync<ScenarioPlaybackException>(() => playing.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(1, ex.Entry.Index);
        Assert.Equal(1, ex.Summary.Published);
        Assert.Equal("publishing messages[1] (reported police-quetta/r-1) failed after 1 of 3 messages were published: broker gone", ex.Message);
    }
}
