using EarlyWarning.Benchmarks.Ingest;
using EarlyWarning.Benchmarks.Rules;
using EarlyWarning.Rules.Loading;
using EarlyWarning.ServiceDefaults.Bus;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>
/// The partners suite (<c>--suite partners</c>): the AMQP relay catching up on a store beside the plain RabbitMQ
/// client publishing the same messages, and a partner catching up over the HTTP feed beside the store's own read of
/// the same events. Both stores hold the same history (incidents and the warnings the shipped rules make of them);
/// it is generated once, before anything is timed, and dropped before the figures run. Markdown goes to stdout as
/// each figure finishes.
/// </summary>
public static class PartnersSuite
{
    public static async Task RunAsync(BenchmarkOptions options, IReadOnlyList<string> args, Action<string> progress)
    {
        Console.WriteLine("# EarlyWarning partners benchmark");
        Console.WriteLine();
        foreach (var fact in MachineFacts.Describe(options.DataDirectory))
            Console.WriteLine($"- {fact}");
        Console.WriteLine($"- Arguments: {BenchmarkOptions.Describe(args)}; scale {options.Scale}");
        Console.WriteLine();

        // An unreachable broker fails the run at once, before minutes of filling stores.
        await CheckBrokerAsync();

        var directory = Path.Combine(options.DataDirectory, "partners");
        Directory.CreateDirectory(directory);
        try
        {
            var (relayStore, feedStore) = await FillAsync(options, directory, progress);
            // The history is unreachable by now (only the stores hold it): collected here, its hundreds of
            // thousands of incidents do not weigh on the collector while the figures run.
            GC.Collect();
            Console.WriteLine((await new RelayFigure(relayStore, progress).RunAsync()).ToMarkdown());
            Console.WriteLine((await new FeedFigure(feedStore, progress).RunAsync()).ToMarkdown());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Both stores, filled from one history generated for the larger: the relay's holds the first of the feed's events.</summary>
    private static async Task<(StoreFill Relay, StoreFill Feed)> FillAsync(BenchmarkOptions options, string directory, Action<string> progress)
    {
        var gazetteer = Gazetteer.Gazetteer.Default;
        var (relayEvents, feedEvents) = (RelayFigure.Events(options), FeedFigure.Events(options));
        var shape = Workloads.Realistic((int)Math.Ceiling(Math.Max(relayEvents, feedEvents) * RecordedHistory.IncidentsPerEvent));
        progress($"partners: generating the realistic history ({Format.Count(shape.Count)} incidents, {shape.PerDay:0} a day)");
        var history = new RecordedHistory(IncidentHistory.Generate(shape, gazetteer), RuleSetLoader.LoadDirectory(RulesPaths.RulesDirectory, gazetteer));
        progress($"partners: filling the relay's store with {Format.Count(relayEvents)} events");
        var relay = await HistoryStore.FillAsync(Path.Combine(directory, "relay.db"), history, relayEvents, "relay", progress);
        progress($"partners: filling the feed's store with {Format.Count(feedEvents)} events");
        var feed = await HistoryStore.FillAsync(Path.Combine(directory, "feed.db"), history, feedEvents, "feed", progress);
        return (relay, feed);
    }

    private static async Task CheckBrokerAsync()
    {
        await BrokerVirtualHost.DescribeAsync();
        var broker = BusConfiguration.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = BrokerVirtualHost.Broker.ToString() })
            .Build());
        if (await BrokerProbe.ProblemAsync(broker, TimeSpan.FromSeconds(10)) is { } problem)
            throw new InfrastructureUnavailableException(
                $"RabbitMQ at {broker.Host}:{broker.Port} (EW_TEST_RABBITMQ) cannot be used: {problem}. Start the broker: EW_RUNSH_INFRA_ONLY=1 ./tests/run.sh",
                new IOException(problem));
    }
}
