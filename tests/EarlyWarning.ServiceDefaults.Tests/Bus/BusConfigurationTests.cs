using EarlyWarning.ServiceDefaults.Bus;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace EarlyWarning.ServiceDefaults.Tests.Bus;

public sealed class BusConfigurationTests
{
    private static BusConfiguration From(params (string Key, string Value)[] settings) =>
        BusConfiguration.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void the_default_is_the_in_memory_bus()
    {
        var bus = From();

        Assert.Equal(BusConfiguration.InMemory, bus.Transport);
        Assert.Equal((256, 256, 5), (bus.PrefetchCount, bus.ConcurrentMessageLimit, bus.RetryLimit));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)], bus.RedeliveryIntervals);
    }

    [Theory]
    [InlineData("00:00:01, 00:01:00", 2)]
    [InlineData("", 0)]
    public void redelivery_intervals_are_listed_or_turned_off(string text, int count)
    {
        Assert.Equal(count, From(("Bus:RedeliveryIntervals", text)).RedeliveryIntervals.Count);
    }

    [Fact]
    public void rabbitmq_is_reached_through_an_amqp_uri()
    {
        var bus = From(("Bus:Transport", "RabbitMQ"), ("ConnectionStrings:RabbitMq", "amqp://ew%40ops:p%3Ass@broker.local:5673/ew-vhost"));

        Assert.Equal((BusConfiguration.RabbitMq, "broker.local", 5673, "ew-vhost", "ew@ops", "p:ss"), (bus.Transport, bus.Host, bus.Port, bus.VirtualHost, bus.Username, bus.Password));
        Assert.Equal("rabbitmq://ew@ops@broker.local:5673/ew-vhost", bus.Describe());
        Assert.DoesNotContain("p:ss", bus.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void the_root_virtual_host_is_a_slash_and_parts_override_the_uri()
    {
        var bus = From(("Bus:Transport", "rabbitmq"), ("ConnectionStrings:RabbitMq", "amqp://u:p@127.0.0.1/"), ("Bus:RabbitMq:Host", "10.0.0.9"), ("Bus:RabbitMq:Port", "5999"));

        Assert.Equal(("10.0.0.9", 5999, "/"), (bus.Host, bus.Port, bus.VirtualHost));
    }

    [Theory]
    [InlineData("Bus:Transport", "carrier-pigeon", "Unknown bus transport 'carrier-pigeon'")]
    [InlineData("ConnectionStrings:RabbitMq", "http://broker", "must be an AMQP URI")]
    [InlineData("Bus:PrefetchCount", "0", "Bus:PrefetchCount must be a whole number from 1 to 65535")]
    [InlineData("Bus:ConcurrentMessageLimit", "many", "Bus:ConcurrentMessageLimit must be a whole number")]
    [InlineData("Bus:RetryLimit", "-1", "Bus:RetryLimit must be a whole number from 0 to 100")]
    [InlineData("Bus:RabbitMq:Port", "70000", "Bus:RabbitMq:Port must be a whole number from 1 to 65535")]
    [InlineData("Bus:RedeliveryIntervals", "soon", "Bus:RedeliveryIntervals must be durations")]
    [InlineData("Bus:RedeliveryIntervals", "00:00:00", "Bus:RedeliveryIntervals must be durations")]
    public void a_bad_setting_is_an_error_naming_it(string key, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => From((key, value)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
