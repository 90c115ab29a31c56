using System.Diagnostics;
using System.Globalization;
using EarlyWarning.Benchmarks.Ingest;
using EarlyWarning.Benchmarks.Rules;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using EarlyWarning.Partners;
using EarlyWarning.Partners.Channels.Amqp;
using EarlyWarning.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>
/// Figure 1: the AMQP relay catching up on a filled store. The real <c>PartnerRelay</c>, registered by
/// <see cref="PartnerRelayExtensions.AddPartnerRelay"/> in a generic host wired as <c>EarlyWarning.Partners.Service</c>
/// wires it (without Kestrel, which the relay does not use), starts on a SQLite store holding the history's first
/// events and no checkpoint, with the three <see cref="BenchmarkPartners"/>; the time runs from its connection to the
/// broker to the moment its checkpoint (stored only after the broker confirmed every publish up to it) reaches the
/// store's head. Beside it, in the same run: <see cref="RawPublisher"/> sending the same messages with the plain
/// client. Each in a fresh virtual host, deleted after, so neither sees the other's queues.
/// </summary>
public sealed class RelayFigure(StoreFill fill, Action<string> progress)
{
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(60);

    /// <summary>Store events relayed: 50,000 at scale 1, about a hundred batches and tens of seconds of publishing.</summary>
    public static int Events(BenchmarkOptions options) => options.Count(50_000, minimum: 2_000);

    public async Task<RulesSection> RunAsync()
    {
        var path = fill.Path;
        var settings = BenchmarkPartners.Settings();
        var relayOptions = PartnerAmqpOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var partners = BenchmarkPartners.Read();

        RelayPlan plan;
        await using (var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(path), null, NullLogger.Instance))
            plan = await RelayPlan.BuildAsync(store, Contracts.ContractTypes.CreateRegistry(), partners, relayOptions.BatchSize, relayOptions.Source);

        progress($"partners: relay, raw limit: RabbitMQ.Client publishing the same {Format.Count(plan.Messages)} messages");
        (Throughput Messages, double? BrokerCores) raw;
        await using (var rawHost = await BrokerVirtualHost.CreateAsync())
            raw = await RawPublisher.PublishAsync(rawHost.Uri, plan);

        progress($"partners: relay, PartnerRelay catching up on {Format.Count(plan.Events)} events");
        await using var relayHost = await BrokerVirtualHost.CreateAsync();
        var run = await RelayAsync(path, settings, relayHost.Uri, plan);

        var relayed = new Throughput(plan.Events, run.Elapsed) { Machine = run.Machine };
        var published = new Throughput(run.Published, run.Elapsed) { Machine = run.Machine };
        var rawEvents = new Throughput(plan.Events, raw.Messages.Elapsed);
        var row = new ReportRow(
            $"Relay catch-up, store → RabbitMQ, {plan.Partners.Count} partners, publisher confirms, quorum queues, SQLite ({Format.Count(plan.Events)} store events → {Format.Count(run.Published)} messages)",
            $"**{Format.Rate(relayed.PerSecond)}** store events · {Format.Rate(published.PerSecond)} messages published ({run.Elapsed.TotalSeconds:0.00} s)",
            Target.None.Text,
            Target.None.Verdict(relayed.PerSecond),
            $"RabbitMQ.Client 7 alone, the same {Format.Count(plan.Messages)} messages in the same batches: {Format.Rate(raw.Messages.PerSecond)} messages = {Format.Rate(rawEvents.PerSecond)} store events ({raw.Messages.Elapsed.TotalSeconds:0.00} s); the relay reached {Format.Percent(published.PerSecond / raw.Messages.PerSecond)} of it",
            $"{run.Machine?.ToString() ?? "n/a"} {BrokerMeter.Describe(run.BrokerCores)}".Trim());

        var bodies = plan.Messages == 0 ? 0 : plan.BodyBytes / (double)plan.Messages;
        var facts = new List<string>
        {
            $"Broker: {await BrokerVirtualHost.DescribeAsync()}; a fresh virtual host for the raw publisher and another for the relay (deleted afterwards); nothing consumes the queues meanwhile",
            $"Store: {fill}; no checkpoint, so the relay starts from the first event",
            $"Partners: {string.Join("; ", plan.Partners.Select((p, i) => $"`{p.Name}` ({(p.Entitlement.Provinces.Count > 1 ? "every province" : string.Join(", ", p.Entitlement.Provinces))}, {string.Join(" + ", p.Entitlement.Kinds)}{(p.Entitlement.Allow.SourceIdentities ? ", source identities and notes shown" : "")}): {Format.Count(plan.PerPartner[i])} messages"))}; each a durable topic exchange bound to a durable quorum queue by its entitlement's keys",
            string.Create(CultureInfo.InvariantCulture, $"Messages: CloudEvents 1.0 JSON, {bodies:#,##0} bytes of body on average (largest {Format.Count(plan.LargestBody)}), persistent, mandatory; {plan.Messages / (double)plan.Events:0.00} per store event"),
            $"Relay: `AddServiceDefaults`, `AddEventStoreAsync` (SQLite, traced as in the service), `AddPartners`, `AddPartnerRelay` with `ConnectionStrings:RabbitMq` = the virtual host and the default `PartnerAmqp` settings (batch {relayOptions.BatchSize} store events); timed from its connection (status `Connections` = 1, {run.Connect.TotalMilliseconds:0} ms after the host started) to its status checkpoint at the store's head (polled every 5 ms); then checked: stored checkpoint `{PartnerRelay.SubscriptionId}` = head {Format.Count(run.Head)}, {Format.Count(run.Published)} messages confirmed = the plan's {Format.Count(plan.Messages)}, {run.Connections} connection(s)",
            $"Raw limit: one connection and channel, confirms as the relay's channel has them (tracked, no outstanding-confirm limiter), a batch's publishes started in turn and its confirms awaited together; batches of the messages of {relayOptions.BatchSize} store events ({Format.Count(plan.Batches.Count)} batches), worked out before the clock from the same store with the relay's entitlement filter, routing keys and CloudEvent encoding; topology declared before the clock",
        };
        var details = new RulesDetails(
            "Beside it:",
            ["Measurement", "Result", "Meanwhile"],
            [
                ["Relay: store events relayed (checkpoint at head)", relayed.ToString(), $"{run.Machine?.ToString() ?? "n/a"} {BrokerMeter.Describe(run.BrokerCores)}".Trim()],
                ["Relay: messages published and confirmed", published.ToString(), OwnCpu(published)],
                ["Raw: RabbitMQ.Client 7 alone, same messages and batches", raw.Messages.ToString(), $"{raw.Messages.Machine?.ToString() ?? "n/a"} {BrokerMeter.Describe(raw.BrokerCores)}; {OwnCpu(raw.Messages)}".Trim()],
            ]);
        return new RulesSection("Partner relay, store → RabbitMQ", facts, [row], [details]);
    }

    private static string OwnCpu(Throughput throughput) =>
        throughput.OwnCpuMicrosecondsEach is { } each ? string.Create(CultureInfo.InvariantCulture, $"us {each:0.0} µs of CPU per message") : "n/a";

    private sealed record RelayRun(TimeSpan Connect, TimeSpan Elapsed, long Published, long Head, int Connections, MachineUse? Machine, double? BrokerCores);

    private static async Task<RelayRun> RelayAsync(string path, Dictionary<string, string?> settings, string brokerUri, RelayPlan plan)
    {
        var started = Stopwatch.StartNew();
        var host = await StartAsync(path, settings, brokerUri);
        try
        {
            var status = host.Services.GetRequiredService<PartnerRelayStatus>();
            var store = host.Services.GetRequiredService<IEventStore>();
            var head = (await store.GetHeadPositionAsync()).Value;
            while (status.Connections == 0)
            {
                if (started.Elapsed > TimeSpan.FromSeconds(30))
                    throw new InfrastructureUnavailableException($"the partner relay did not connect to RabbitMQ within 30 s: {status.Failure}", new TimeoutException());
                await Task.Delay(5);
            }
            var connect = started.Elapsed;
            var meter = MachineMeter.Start();
            var broker = BrokerMeter.Start();
            var clock = Stopwatch.StartNew();
            var (last, movedAt) = (status.Checkpoint.Value, clock.Elapsed);
            while (status.Checkpoint.Value < head)
            {
                if (status.Checkpoint.Value != last)
                    (last, movedAt) = (status.Checkpoint.Value, clock.Elapsed);
                else if (clock.Elapsed - movedAt > Stalled)
                    throw new TimeoutException($"the partner relay's checkpoint stayed at {last} of {head} for {Stalled.TotalSeconds:0} s ({status.Failure ?? "no failure reported"})");
                await Task.Delay(5);
            }
            var elapsed = clock.Elapsed;
            var machine = meter.Stop();
            var brokerCores = broker.Stop();

            var stored = await store.LoadCheckpointAsync(PartnerRelay.SubscriptionId);
            if (stored?.Value != head)
                throw new InvalidOperationException($"the relay's status said position {status.Checkpoint.Value}, but its stored checkpoint is {stored}");
            // At least once: a reconnect sends a batch again, so only a run on one connection must match the plan exactly.
            if (status.Connections == 1 && status.Published != plan.Messages)
                throw new InvalidOperationException($"the relay published {status.Published} messages on one connection where the plan has {plan.Messages}");
            return new RelayRun(connect, elapsed, status.Published, head, status.Connections, machine, brokerCores);
        }
        finally
        {
            await BenchmarkHosts.StopAsync(host);
        }
    }

    /// <summary>The relay's part of <c>EarlyWarning.Partners.Service</c>, in a generic host on <paramref name="path"/>.</summary>
    private static Task<IHost> StartAsync(string path, Dictionary<string, string?> settings, string brokerUri) =>
        BenchmarkHosts.StartOnSqliteAsync(path, new Dictionary<string, string?>(settings) { ["ConnectionStrings:RabbitMq"] = brokerUri }, builder =>
        {
            builder.AddPartners();
            builder.AddPartnerRelay();
        });
}
