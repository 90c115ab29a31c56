using EarlyWarning.Testing;

namespace EarlyWarning.Ingest.Service.Tests;

/// <summary>The ingest service started wrongly ends with one line on stderr and a non-zero exit, not a stack trace.</summary>
public sealed class IngestServiceFailureTests
{
    [Theory]
    [InlineData(2, "ingest: Unknown bus transport 'carrier-pigeon'", "Bus__Transport", "carrier-pigeon")]
    [InlineData(2, "ingest: Unknown event store adapter 'oracle'", "EventStore__Adapter", "oracle")]
    [InlineData(2, "ingest: Ingest:CorrelationWindow must be a duration", "Ingest__CorrelationWindow", "forever")]
    [InlineData(1, "ingest: Cannot open the PostgreSQL event store", "ConnectionStrings__EventStore", "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=3")]
    public async Task bad_configuration_is_a_one_line_error(int exitCode, string expected, string key, string value)
    {
        var environment = new Dictionary<string, string>
        {
            ["EventStore__Adapter"] = key == "ConnectionStrings__EventStore" ? "postgres" : "sqlite",
            ["EventStore__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), "ew-ingest-failure", Guid.NewGuid().ToString("N"), "store.db"),
            ["Urls"] = "http://127.0.0.1:0",
            [key] = value,
        };
        using var process = ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Ingest.Service"), [], null, environment);

        Assert.Equal(exitCode, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(process.Errors, l => !string.IsNullOrWhiteSpace(l));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }
}
