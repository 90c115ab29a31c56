using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using EarlyWarning.Testing;
using Xunit;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>The executable: every wrong start is one line on stderr and exit code 2 (1 for an unreachable broker), never a stack trace.</summary>
public sealed partial class ScenarioProgramTests
{
    private static void AssertOneLineError(IReadOnlyList<string> errors, string expected)
    {
        var line = Assert.Single(errors, l => !string.IsNullOrWhiteSpace(l));
        Assert.StartsWith("scenario: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), line);
    }

    [Theory]
    [InlineData("unknown option '--bogus' (see --help)", "--bogus")]
    [InlineData("option '--speed' needs a value (see --help)", "--speed")]
    [InlineData("--speed must be a number of at least 1 or 'max', not '0.5'", "--speed", "0.5")]
    [InlineData("--speed must be a number of at least 1 or 'max', not 'fast'", "--speed", "fast")]
    [InlineData("--from must be an ISO 8601 time with its offset, e.g. 2026-01-30T23:00:00+05:00, not '2026-01-30T23:00'", "--from", "2026-01-30T23:00")]
    [InlineData("option '--file' needs a value (see --help)", "--file", "--dry-run")]
    public async Task a_bad_option_is_a_one_line_error_with_exit_code_2(string expected, params string[] arguments)
    {
        var (code, errors, _) = await ScenarioProcess.RunAsync(arguments);

        Assert.Equal(2, code);
        AssertOneLineError(errors, expected);
    }

    [Fact]
    public async Task a_bad_scenario_file_is_a_one_line_error_naming_the_message_with_exit_code_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        var lines = File.ReadAllText(Repository.ShippedScenario).Replace("\"kind\": \"corrected\"", "\"kind\": \"amended\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, lines);
        try
        {
            var (code, errors, _) = await ScenarioProcess.RunAsync(["--file", path, "--dry-run"]);

            var first = ScenarioFile.Default.Messages.OfType<CorrectionEntry>().First().Index;
            Assert.Equal(2, code);
            AssertOneLineError(errors, $"{path}: messages[{first}]: kind 'amended' is not reported, corrected or retracted");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task a_missing_scenario_file_is_a_one_line_error_with_exit_code_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var (code, errors, _) = await ScenarioProcess.RunAsync(["--file", path]);

        Assert.Equal(2, code);
        AssertOneLineError(errors, $"{path}: cannot be read: ");
    }

    [Fact]
    public async Task an_unknown_bus_transport_is_a_one_line_error_with_exit_code_2()
    {
        var (code, errors, _) = await ScenarioProcess.RunAsync([], new Dictionary<string, string> { ["Bus__Transport"] = "kafka" });

        Assert.Equal(2, code);
        AssertOneLineError(errors, "Unknown bus transport 'kafka'");
    }

    [Fact]
    public async Task an_unreachable_broker_is_a_one_line_error_with_exit_code_1()
    {
        int closed;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closed = ((IPEndPoint)probe.LocalEndpoint).Port; // nothing listens there once the probe is closed
        }

        var (code, errors, output) = await ScenarioProcess.RunAsync(
            ["--speed", "max"],
            new Dictionary<string, string> { ["Bus__Transport"] = "rabbitmq", ["ConnectionStrings__RabbitMq"] = $"amqp://earlywarning:earlywarning@127.0.0.1:{closed}/" });

        Assert.Equal(1, code);
        AssertOneLineError(errors, $"scenario: cannot reach RabbitMQ at rabbitmq://earlywarning@127.0.0.1:{closed}/%2F: ");
        Assert.DoesNotContain(output, l => StackFrame().IsMatch(l));
    }

    [Fact]
    public async Task dry_run_prints_the_plan_without_a_broker()
    {
        var (code, errors, output) = await ScenarioProcess.RunAsync(
            ["--dry-run"],
            new Dictionary<string, string> { ["ConnectionStrings__RabbitMq"] = "amqp://nobody:nothing@127.0.0.1:1/" });

        Assert.Equal(0, code);
        Assert.Empty(errors);
        Assert.Equal(ScenarioFile.Default.Plan(new ScenarioOptions()).Describe(), output.Where(l => l.Length > 0));
    }

    [Fact]
    public async Task dry_run_follows_from_speed_and_only_live()
    {
        var from = new DateTimeOffset(2026, 1, 30, 23, 0, 0, TimeSpan.FromHours(5));

        var (code, _, output) = await ScenarioProcess.RunAsync(["--dry-run", "--from", "2026-01-30T23:00:00+05:00", "--speed", "60", "--only-live"]);

        var expected = ScenarioFile.Default.Plan(new ScenarioOptions { From = from, Speed = ScenarioSpeed.Of(60), OnlyLive = true }).Describe();
        Assert.Equal(0, code);
        Assert.Equal(expected, output.Where(l => l.Length > 0));
        Assert.Contains("left out by --only-live", expected[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task sigterm_stops_the_playback_with_exit_code_130_and_says_how_far_it_got()
    {
        var playing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = ChildProcess.Start(
            BuiltProgram.Locate("src", "EarlyWarning.Sources.Scenario"),
            ["--speed", "1", "--only-live"],
            environment: new Dictionary<string, string> { ["Bus__Transport"] = "in-memory" },
            onOutput: line =>
            {
                if (line.Contains("Playing ", StringComparison.Ordinal))
                    playing.TrySetResult();
            });
        await playing.Task.WaitAsync(TimeSpan.FromSeconds(30));

        process.Terminate();
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var live = ScenarioFile.Default.Messages.Count(m => m.PublishAt >= ScenarioFile.Default.LiveFrom);
        Assert.Equal(130, code);
        AssertOneLineError(process.Errors, $"scenario: stopped after 0 of {live} messages (0 reported, 0 corrected, 0 retracted)");
    }

    [Fact]
    public async Task help_prints_usage_and_exits_0()
    {
        var (code, errors, output) = await ScenarioProcess.RunAsync(["--help"]);

        Assert.Equal(0, code);
        Assert.Empty(errors);
        Assert.Contains(output, l => l.Contains("--speed <N>|max", StringComparison.Ordinal));
        Assert.Contains(output, l => l.Contains("illustrative data", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\s+at [\w.`<>]+|Exception:")]
    private static partial Regex StackFrame();
}
