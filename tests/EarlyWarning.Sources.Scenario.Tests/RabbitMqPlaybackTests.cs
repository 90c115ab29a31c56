using System.Text.Json;
using System.Text.RegularExpressions;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>
/// The built player against the real broker (EW_TEST_RABBITMQ, as ./tests/run.sh sets it; unreachable is a
/// failure, never a skip). The test binds a queue of its own to the exchanges MassTransit publishes the three
/// contracts to before the player starts, and reads it once the player has exited: everything the player
/// counted was confirmed, so everything must be there.
/// </summary>
public sealed partial class RabbitMqPlaybackTests
{
    private const string DefaultUri = "amqp://earlywarning:earlywarning@127.0.0.1:5672/";

    private static readonly string[] Contracts = ["IncidentReported", "IncidentCorrected", "IncidentRetracted"];

    private static string BrokerUri => Environment.GetEnvironmentVariable("EW_TEST_RABBITMQ") is { Length: > 0 } configured ? configured : DefaultUri;

    private static async Task<IConnection> ConnectAsync()
    {
        try
        {
            return await new ConnectionFactory { Uri = new Uri(BrokerUri), ClientProvidedName = "scenario-tests" }.CreateConnectionAsync();
        }
        catch (BrokerUnreachableException ex)
        {
            var uri = new Uri(BrokerUri);
            throw new InvalidOperationException(
                $"RabbitMQ is required at {uri.Host}:{uri.Port} (EW_TEST_RABBITMQ) and cannot be reached: {ex.InnerException?.Message ?? ex.Message}. Run ./tests/run.sh, which starts it.", ex);
        }
    }

    [Fact]
    public async Task playing_at_max_speed_puts_every_message_of_the_file_on_the_bus_before_the_player_exits()
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"scenario-tests-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        foreach (var contract in Contracts)
        {
            // The same declaration MassTransit makes, so whichever comes first, both agree.
            var exchange = $"EarlyWarning.Contracts.Reports:{contract}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        }

        var (code, errors, output) = await ScenarioProcess.RunAsync(
            ["--speed", "max"],
            new Dictionary<string, string> { ["Bus__Transport"] = "rabbitmq", ["ConnectionStrings__RabbitMq"] = BrokerUri });

        Assert.True(code == 0, $"exit {code}: {string.Join('\n', errors)}");
        var file = ScenarioFile.Default;
        var summary = Assert.Single(output, l => l.StartsWith("Scenario ", StringComparison.Ordinal));
        Assert.Contains($"published {file.Messages.Count} messages ({file.Messages.OfType<ReportEntry>().Count()} reported, ", summary, StringComparison.Ordinal);
        var run = RunId().Match(summary).Groups[1].Value;

        // Other tests may publish the same contracts at the same time: only this run's messages count.
        var received = new List<(string Contract, string SourceId, string Id)>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var root = envelope.RootElement;
            if (!root.TryGetProperty("headers", out var headers) || !headers.TryGetProperty(ScenarioPlayer.RunHeader, out var header) || header.GetString() != run)
                continue;
            Assert.Equal(ScenarioFile.DefaultName + ".json (embedded)", headers.GetProperty(ScenarioPlayer.ScenarioHeader).GetString());
            var contract = root.GetProperty("messageType")[0].GetString()!.Split(':')[^1];
            var message = root.GetProperty("message");
            var id = contract == "IncidentCorrected" ? message.GetProperty("correctionId").GetString()! : message.GetProperty("reportId").GetString()!;
            received.Add((contract, message.GetProperty("sourceId").GetString()!, id));
        }

        var expected = file.Messages.Select(m => m switch
        {
            ReportEntry r => ("IncidentReported", r.SourceId, r.ReportId),
            CorrectionEntry c => ("IncidentCorrected", c.SourceId, c.Correction.CorrectionId),
            _ => ("IncidentRetracted", m.SourceId, m.ReportId),
        }).ToList();
        Assert.Equal(expected.Count, received.Count);
        Assert.Equal(expected.ToHashSet(), received.ToHashSet());
        // One publish at a time, each confirmed before the next: the broker has them in the file's order.
        Assert.Equal(expected, received);
    }

    [GeneratedRegex(@"\(run ([0-9a-f-]{36})\)")]
    private static partial Regex RunId();
}
