using EarlyWarning.Contracts.Reports;
using EarlyWarning.Sources.Feed.Acled;
using EarlyWarning.Sources.Feed.Mapping;
using EarlyWarning.Sources.Feed.Tests.Program;
using Xunit;

namespace EarlyWarning.Sources.Feed.Tests.Publishing;

/// <summary>
/// The feed publishing to the real RabbitMQ. Each test has its own queue and its own source id: other tests
/// may publish reports to the same exchange at the same time, and only this test's are counted.
/// </summary>
public sealed class FeedPublishTests
{
    private static readonly string[] SampleMappable =
    [
        "PAK900001", "PAK900002", "PAK900003", "PAK900004", "PAK900005", "PAK900006", "PAK900007", "PAK900008",
        "PAK900009", "PAK900010", "PAK900011", "PAK900012", "PAK900013", "PAK900014", "PAK900019", "PAK900020",
    ];

    private static Dictionary<string, string> Broker => new() { ["ConnectionStrings__RabbitMq"] = RabbitMqBroker.Uri };

    private static string NewSourceId() => $"acled-test-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task the_sample_publishes_exactly_its_mappable_rows_with_their_mapped_fields()
    {
        await using var connection = await RabbitMqBroker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await RabbitMqBroker.BindOwnQueueAsync(channel);
        var source = NewSourceId();

        var (code, output, errors) = await FeedProcess.RunAsync([FeedProcess.Sample, "--source", source, "--reliability", "A", "--credibility", "3"], Broker);

        Assert.True(code == 3, $"exit {code}; stderr:\n{string.Join('\n', errors)}");
        Assert.Equal(4, errors.Count);
        Assert.Matches(@"^20 rows read, 16 published to rabbitmq://\S+, 4 unmappable$", Assert.Single(output));

        // The exit came after the broker confirmed every publish, so every copy is in the queue already.
        var received = (await RabbitMqBroker.DrainAsync(channel, queue)).Where(r => r.SourceId == source).ToList();
        Assert.Equal(SampleMappable, received.Select(r => r.ReportId).Order());

        var expected = MapSample(new ReportDefaults(source, "A", 3)).ToDictionary(r => r.ReportId);
        foreach (var report in received)
            Assert.Equivalent(expected[report.ReportId], report, strict: true);

        var suicide = received.Single(r => r.ReportId == "PAK900001");
        Assert.Equal(("suicide-attack", "TTP", "claimed", "A", 3), (suicide.IncidentType, suicide.Perpetrator, suicide.ClaimStatus, suicide.Reliability, suicide.Credibility));
        Assert.Equal(new Casualties(SecurityForces: new SideCasualties(4)), suicide.Casualties);
        Assert.Equal(["police"], suicide.Targets);
        Assert.Equal(new ReportedLocation("Khyber Pakhtunkhwa", "Bannu", "Bannu", 32.9853, 70.604, "exact"), suicide.Location);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.Zero), suicide.OccurredAt);

        var highway = received.Single(r => r.ReportId == "PAK900006");
        Assert.Equal(("armed-assault", "Kalat", "Mangochar"), (highway.IncidentType, highway.Location.District, highway.Location.Place));
        Assert.Contains("(Kalat, Balochistan),\noffloaded passengers", highway.Text, StringComparison.Ordinal);
        Assert.Equal(["civilians", "highway"], highway.Targets);

        Assert.Equal(["rail"], received.Single(r => r.ReportId == "PAK900009").Targets);
        Assert.Equal("cross-border-fire", received.Single(r => r.ReportId == "PAK900008").IncidentType);
    }

    [Fact]
    public async Task a_file_that_maps_whole_is_published_and_exits_0()
    {
        await using var connection = await RabbitMqBroker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await RabbitMqBroker.BindOwnQueueAsync(channel);
        var source = NewSourceId();
        using var file = FeedProcess.WriteFile(AcledFile.Text(AcledFile.Row(), AcledFile.Row() with { EventIdCnty = "PAK101" }));

        var (code, output, errors) = await FeedProcess.RunAsync([file.Path, "--source", source], Broker);

        Assert.True(code == 0, $"exit {code}; stderr:\n{string.Join('\n', errors)}");
        Assert.Empty(errors);
        Assert.StartsWith("2 rows read, 2 published", Assert.Single(output), StringComparison.Ordinal);
        var received = (await RabbitMqBroker.DrainAsync(channel, queue)).Where(r => r.SourceId == source).ToList();
        Assert.Equal(["PAK100", "PAK101"], received.Select(r => r.ReportId).Order());
        Assert.All(received, r => Assert.Equal(("B", 2), (r.Reliability, r.Credibility)));
    }

    private static IEnumerable<IncidentReported> MapSample(ReportDefaults defaults)
    {
        var mapper = new AcledMapper(defaults, Gazetteer.Gazetteer.Default, TimeProvider.System);
        using var text = new StreamReader(FeedProcess.Sample);
        foreach (var record in AcledCsvReader.Open(text).ReadRows())
        {
            if (record is AcledRow row && mapper.Map(row) is Mapped mapped)
                yield return mapped.Report;
        }
    }
}
