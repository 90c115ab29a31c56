using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.EventStore;

/// <summary>
/// Maps stored wire names to CLR types and back. Reading an event whose type it does not know logs it once
/// and yields nothing: a reader built before a new event type existed must keep running, not crash.
/// Old versions are upcast here, so no handler ever sees them.
/// </summary>
public sealed class EventTypeRegistry(JsonSerializerOptions? jsonOptions = null, ILogger<EventTypeRegistry>? logger = null)
{
    private readonly ConcurrentDictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _byType = new();
    private readonly ConcurrentDictionary<string, Func<JsonElement, object?>> _upcasters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _reportedUnknown = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions _json = jsonOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    private readonly ILogger _logger = logger ?? NullLogger<EventTypeRegistry>.Instance;

    /// <summary>Registers a type under its <see cref="EventTypeAttribute"/> name.</summary>
    public EventTypeRegistry Register<T>() => Register(typeof(T));

    public EventTypeRegistry Register(Type type)
    {
        var name = type.GetCustomAttribute<EventTypeAttribute>()?.Name
            ?? throw new ArgumentException($"{type.FullName} has no [EventType] attribute naming its wire name.", nameof(type));
        return Register(type, name);
    }

    public EventTypeRegistry Register(Type type, string wireName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wireName);
        if (_byName.TryGetValue(wireName, out var existing) && existing != type)
            throw new ArgumentException($"The wire name '{wireName}' is already registered for {existing.FullName}.", nameof(wireName));
        _byName[wireName] = type;
        _byType[type] = wireName;
        return this;
    }

    /// <summary>Registers every type with an <see cref="EventTypeAttribute"/> in the assembly.</summary>
    public EventTypeRegistry RegisterAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.GetCustomAttribute<EventTypeAttribute>() is not null))
            Register(type);
        return this;
    }

    /// <summary>Reads an old wire name as today's contract, by a function from the stored JSON.</summary>
    public EventTypeRegistry RegisterUpcast(string oldWireName, Func<JsonElement, object?> upcast)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldWireName);
        _upcasters[oldWireName] = upcast;
        return this;
    }

    public string WireNameOf(Type type) =>
        _byType.TryGetValue(type, out var name) ? name : throw new ArgumentException($"{type.FullName} is not a registered event type.", nameof(type));

    public bool IsKnown(string wireName) => _byName.ContainsKey(wireName) || _upcasters.ContainsKey(wireName);

    /// <summary>Serialises an event under its wire name.</summary>
    public EventData ToEventData(object @event, Guid eventId, EventMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        return new EventData(eventId, WireNameOf(type), JsonSerializer.SerializeToUtf8Bytes(@event, type, _json), metadata ?? EventMetadata.Empty);
    }

    /// <summary>The event as its CLR contract, or null (logged once per type) when the type is unknown.</summary>
    public object? Deserialize(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (_byName.TryGetValue(recorded.Type, out var type))
            return JsonSerializer.Deserialize(recorded.Data.Span, type, _json);
        if (_upcasters.TryGetValue(recorded.Type, out var upcast))
        {
            using var document = JsonDocument.Parse(recorded.Data);
            return upcast(document.RootElement);
        }
        if (_reportedUnknown.TryAdd(recorded.Type, 0))
            _logger.LogWarning("Skipping events of unknown type {EventType} (first seen at {Stream}@{Revision}, position {Position})", recorded.Type, recorded.Stream, recorded.Revision, recorded.Position);
        return null;
    }
}
