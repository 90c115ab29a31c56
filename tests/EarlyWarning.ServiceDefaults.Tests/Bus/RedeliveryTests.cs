using EarlyWarning.ServiceDefaults.Bus;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EarlyWarning.ServiceDefaults.Tests.Bus;

/// <summary>On the in-memory bus, a message whose retries are spent comes back later rather than failing for good.</summary>
public sealed class RedeliveryTests
{
    public sealed record Flaky(Guid Id);

    /// <summary>Fails the first <see cref="FailFirst"/> attempts, then succeeds; remembers the redelivery count it saw.</summary>
    public sealed class FlakyConsumer(Attempts attempts) : IConsumer<Flaky>
    {
        public const int FailFirst = 3;

        public Task Consume(ConsumeContext<Flaky> context)
        {
            var attempt = Interlocked.Increment(ref attempts.Count);
            if (attempt <= FailFirst)
                throw new InvalidOperationException($"attempt {attempt} fails");
            attempts.Redeliveries = context.GetRedeliveryCount();
            attempts.Done.TrySetResult();
            return Task.CompletedTask;
        }
    }

    public sealed class Attempts
    {
        public int Count;
        public int Redeliveries;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Fact]
    public async Task a_message_that_fails_past_its_retries_is_redelivered_and_then_consumed()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "in-memory",
            // Two attempts per delivery: the first delivery fails twice, the first redelivery once, then it works.
            ["Bus:RetryLimit"] = "1",
            ["Bus:RedeliveryIntervals"] = "00:00:00.2,00:00:00.2,00:00:00.2",
        });
        var attempts = new Attempts();
        builder.Services.AddSingleton(attempts);
        builder.AddEarlyWarningBus(bus => bus.AddConsumer<FlakyConsumer>());
        using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredService<IBus>().Publish(new Flaky(Guid.NewGuid()));
        await attempts.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FlakyConsumer.FailFirst + 1, attempts.Count);
        Assert.Equal(1, attempts.Redeliveries);
        await host.StopAsync();
    }
}
