using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EarlyWarning.EventStore.Tests;

public sealed class EventTypeRegistryTests
{
    [EventType("V1.DistrictAttacked")]
    public sealed record DistrictAttacked(string District, int Killed);

    [EventType("V2.DistrictAttacked")]
    public sealed record DistrictAttackedV2(string District, int Killed, int Injured);

    public sealed record NoWireName(int X);

    private static RecordedEvent Recorded(EventData data) =>
        new(data.EventId, data.Type, "incident-1", 0, new GlobalPosition(1), DateTimeOffset.UnixEpoch, data.Data, MetadataCodec.Encode(data.Metadata));

    [Fact]
    public void an_event_round_trips_under_its_wire_name()
    {
        var registry = new EventTypeRegistry().Register<DistrictAttacked>();
        var id = Guid.NewGuid();

        var data = registry.ToEventData(new DistrictAttacked("Gwadar", 3), id, new EventMetadata { Source = "test" });

        Assert.Equal("V1.DistrictAttacked", data.Type);
        Assert.Equal(id, data.EventId);
        Assert.Equal("{\"district\":\"Gwadar\",\"killed\":3}", Encoding.UTF8.GetString(data.Data.Span));
        Assert.Equal(new DistrictAttacked("Gwadar", 3), registry.Deserialize(Recorded(data)));
    }

    [Fact]
    public void an_unknown_type_is_skipped_and_logged_once_not_a_crash()
    {
        var logger = new ListLogger();
        var registry = new EventTypeRegistry(logger: logger);
        var unknown = new EventData(Guid.NewGuid(), "V9.FromTheFuture", "{\"x\":1}");

        Assert.Null(registry.Deserialize(Recorded(unknown)));
        Assert.Null(registry.Deserialize(Recorded(unknown with { EventId = Guid.NewGuid() })));

        var warning = Assert.Single(logger.Lines);
        Assert.Contains("V9.FromTheFuture", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void an_old_version_is_upcast_to_todays_contract()
    {
        var registry = new EventTypeRegistry()
            .Register<DistrictAttackedV2>()
            .RegisterUpcast("V1.DistrictAttacked", json => new DistrictAttackedV2(json.GetProperty("district").GetString()!, json.GetProperty("killed").GetInt32(), 0));
        var old = new EventData(Guid.NewGuid(), "V1.DistrictAttacked", "{\"district\":\"Kalat\",\"killed\":2}");

        Assert.Equal(new DistrictAttackedV2("Kalat", 2, 0), registry.Deserialize(Recorded(old)));
        Assert.True(registry.IsKnown("V1.DistrictAttacked"));
    }

    [Fact]
    public void a_wire_name_cannot_be_given_to_two_types()
    {
        var registry = new EventTypeRegistry().Register<DistrictAttacked>();
        Assert.Throws<ArgumentException>(() => registry.Register(typeof(DistrictAttackedV2), "V1.DistrictAttacked"));
    }

    [Fact]
    public void a_type_without_a_wire_name_is_refused()
    {
        var registry = new EventTypeRegistry();
        Assert.Throws<ArgumentException>(() => registry.Register<NoWireName>());
        Assert.Throws<ArgumentException>(() => registry.ToEventData(new NoWireName(1), Guid.NewGuid()));
    }

    [Fact]
    public void an_assembly_scan_registers_every_attributed_type()
    {
        var registry = new EventTypeRegistry().RegisterAssembly(typeof(EventTypeRegistryTests).Assembly);
        Assert.Equal("V1.DistrictAttacked", registry.WireNameOf(typeof(DistrictAttacked)));
        Assert.Equal("V2.DistrictAttacked", registry.WireNameOf(typeof(DistrictAttackedV2)));
    }

    private sealed class ListLogger : ILogger<EventTypeRegistry>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
