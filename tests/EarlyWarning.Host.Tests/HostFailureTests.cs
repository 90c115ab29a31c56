using EarlyWarning.Testing;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace EarlyWarning.Host.Tests;

/// <summary>Every way to start the host wrongly ends in one line on stderr and a non-zero exit, never a stack trace.</summary>
public sealed class HostFailureTests
{
    private static void AssertOneLineError(IReadOnlyList<string> errors, string expected)
    {
        var line = Assert.Single(errors, l => !string.IsNullOrWhiteSpace(l));
        Assert.StartsWith("earlywarning: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bat [\w.`]+\(|Exception:", line);
    }

    private static void AssertNoStackTrace(IReadOnlyList<string> output) =>
        Assert.DoesNotContain(output, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+at [\w.`<>]+"));

    [Theory]
    [InlineData("unknown option '--bogus'", "--bogus")]
    [InlineData("unknown option '--demo=fast'", "--demo=fast")]
    [InlineData("--demo-speed must be a number from 1 to 1000000, not '0'", "--demo", "--demo-speed", "0")]
    [InlineData("--store must be 'sqlite' or 'postgres', not 'mysql'", "--store", "mysql")]
    [InlineData("option '--store' needs a value", "--store")]
    [InlineData("--port must be a number from 1 to 65535, not '70000'", "--port", "70000")]
    [InlineData("--port must be a number from 1 to 65535, not 'http'", "--port", "http")]
    public async Task a_bad_option_is_a_one_line_error_with_exit_code_2(string expected, params string[] arguments)
    {
        var (code, errors, _) = await HostProcess.RunToExitAsync(arguments);
        Assert.Equal(2, code);
        AssertOneLineError(errors, expected);
    }

    [Fact]
    public async Task postgres_without_a_connection_string_is_a_one_line_error()
    {
        var (code, errors, _) = await HostProcess.RunToExitAsync(["--store", "postgres"], new Dictionary<string, string> { ["ConnectionStrings__EventStore"] = "" });
        Assert.Equal(2, code);
        AssertOneLineError(errors, "needs a connection string");
    }

    [Fact]
    public async Task an_unreachable_postgres_is_a_one_line_error_with_exit_code_1()
    {
        var closed = Ports.Free(); // nothing listens there once the probe is closed
        var (code, errors, _) = await HostProcess.RunToExitAsync(["--store", "postgres", "--postgres", $"Host=127.0.0.1;Port={closed};Username=x;Password=y;Timeout=5"]);
        Assert.Equal(1, code);
        AssertOneLineError(errors, $"Cannot open the PostgreSQL event store at 127.0.0.1:{closed}");
    }

    [Fact]
    public async Task an_unusable_sqlite_location_is_a_one_line_error_with_exit_code_1()
    {
        var blocker = Path.GetTempFileName(); // a file where the data folder should be
        try
        {
            var (code, errors, _) = await HostProcess.RunToExitAsync(["--data", blocker]);
            Assert.Equal(1, code);
            AssertOneLineError(errors, "Cannot open the SQLite event store");
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task a_port_already_taken_is_a_one_line_error_with_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, errors, output) = await HostProcess.RunToExitAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(1, code);
        AssertOneLineError(errors, $"cannot listen on 127.0.0.1:{port}");
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task help_prints_usage_and_exits_0()
    {
        var (code, errors, output) = await HostProcess.RunToExitAsync(["--help"]);
        Assert.Equal(0, code);
        Assert.Empty(errors);
        Assert.Contains(output, l => l.Contains("--store sqlite|postgres", StringComparison.Ordinal));
    }
}
