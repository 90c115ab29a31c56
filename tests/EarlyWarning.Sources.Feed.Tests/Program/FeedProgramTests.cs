using System.Net;
using System.Net.Sockets;
using Xunit;

namespace EarlyWarning.Sources.Feed.Tests.Program;

/// <summary>The feed as a child process: usage, exit codes, what goes to stdout and stderr. None of these needs a broker.</summary>
public sealed class FeedProgramTests
{
    private static void AssertOneLineError(IReadOnlyList<string> errors, string expected)
    {
        var line = Assert.Single(errors, l => !string.IsNullOrWhiteSpace(l));
        Assert.StartsWith("feed: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bat [\w.`]+\(|Exception:", line);
    }

    [Theory]
    [InlineData("no file given")]
    [InlineData("unknown option '--bogus'", "x.csv", "--bogus")]
    [InlineData("one file at a time: 'a.csv' and 'b.csv' were given", "a.csv", "b.csv")]
    [InlineData("option '--source' needs a value", "x.csv", "--source")]
    [InlineData("--source must be 1–64 characters", "x.csv", "--source", "ACLED")]
    [InlineData("--reliability must be a grade from A to F, not 'G'", "x.csv", "--reliability", "G")]
    [InlineData("--credibility must be a grade from 1 to 6, not '0'", "x.csv", "--credibility", "0")]
    public async Task bad_usage_is_a_one_line_error_with_exit_code_2(string expected, params string[] arguments)
    {
        var (code, _, errors) = await FeedProcess.RunAsync(arguments);
        Assert.Equal(2, code);
        AssertOneLineError(errors, expected);
    }

    [Fact]
    public async Task a_missing_file_is_exit_code_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv");
        var (code, _, errors) = await FeedProcess.RunAsync([missing, "--dry-run"]);
        Assert.Equal(2, code);
        AssertOneLineError(errors, $"cannot read '{missing}'");
    }

    [Fact]
    public async Task a_file_without_acleds_columns_is_exit_code_2()
    {
        using var file = FeedProcess.WriteFile("id,date,what\n1,2026-01-01,something\n");
        var (code, _, errors) = await FeedProcess.RunAsync([file.Path, "--dry-run"]);
        Assert.Equal(2, code);
        AssertOneLineError(errors, "line 1: the header lacks ACLED's columns event_id_cnty, event_date");
    }

    [Fact]
    public async Task a_quote_never_closed_is_exit_code_2_and_nothing_is_published()
    {
        using var file = FeedProcess.WriteFile(AcledFile.Text(AcledFile.Row()) + "PAK2,\"never closed\n");
        var (code, output, errors) = await FeedProcess.RunAsync([file.Path, "--dry-run"]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        AssertOneLineError(errors, "line 3: a quoted field opened on this line is not closed before the end of the file");
    }

    [Fact]
    public async Task help_prints_usage_and_exits_0()
    {
        var (code, output, errors) = await FeedProcess.RunAsync(["--help"]);
        Assert.Equal(0, code);
        Assert.Empty(errors);
        Assert.Contains(output, l => l.Contains("--reliability A-F", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_dry_run_on_the_sample_lists_the_unmappable_rows_by_line_and_exits_3()
    {
        var (code, output, errors) = await FeedProcess.RunAsync([FeedProcess.Sample, "--dry-run"]);

        Assert.Equal(3, code);
        Assert.Equal(
        [
            "line 18: time_precision 3 (ACLED: the date is known to within a month) cannot be expressed: the coarsest occurred-at precision is a day",
            "line 19: Protests / Peaceful protest is a protest, not a security incident: the incident types have none for it",
            "line 20: location does not resolve (admin1 'Balochistan', admin2 'Kachh', location 'Kachh'): Unknown district 'Kachh' in Balochistan. Did you mean Kachhi, Kech, Mach (Kachhi, Balochistan)?",
            "line 21: country is Afghanistan, not Pakistan: the feed imports incidents in Pakistan only",
        ], errors);
        Assert.Equal(["20 rows read, 0 published (dry run: 16 mappable), 4 unmappable"], output);
    }

    [Fact]
    public async Task a_dry_run_with_every_row_mappable_exits_0()
    {
        using var file = FeedProcess.WriteFile(AcledFile.Text(AcledFile.Row(), AcledFile.Row() with { EventIdCnty = "PAK101" }));
        var (code, output, errors) = await FeedProcess.RunAsync([file.Path, "--dry-run"]);
        Assert.Equal(0, code);
        Assert.Empty(errors);
        Assert.Equal(["2 rows read, 0 published (dry run: 2 mappable), 0 unmappable"], output);
    }

    [Fact]
    public async Task an_unreachable_broker_is_exit_code_1_with_the_broker_and_the_reason()
    {
        int closed;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closed = ((IPEndPoint)probe.LocalEndpoint).Port; // nothing listens there once the probe is closed
        }
        var (code, output, errors) = await FeedProcess.RunAsync(
            [FeedProcess.Sample],
            new Dictionary<string, string> { ["ConnectionStrings__RabbitMq"] = $"amqp://earlywarning:earlywarning@127.0.0.1:{closed}/" });

        Assert.Equal(1, code);
        Assert.Empty(output);
        var error = Assert.Single(errors, l => l.StartsWith("feed: ", StringComparison.Ordinal));
        Assert.StartsWith($"feed: cannot reach RabbitMQ at rabbitmq://earlywarning@127.0.0.1:{closed}/%2F: ", error, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was published", error, StringComparison.Ordinal);
        Assert.Equal(4, errors.Count(l => l.StartsWith("line ", StringComparison.Ordinal)));
    }
}
