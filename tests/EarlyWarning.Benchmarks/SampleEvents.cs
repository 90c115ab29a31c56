using System.Text;
using EarlyWarning.EventStore;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// The one event shape every scenario and every raw insert writes, so the store and the raw limits move the
/// same bytes: a ~190-byte JSON body and the metadata a real writer sends (correlation, causation, trace, source).
/// </summary>
public static class SampleEvents
{
    public const string Type = "V1.IncidentReported";

    public static readonly byte[] Data = Encoding.UTF8.GetBytes(
        """{"incidentId":"4f2c7a1e-9b3d-4c8e-a2f1-7d6e5b4a3c21","kind":"flood","severity":3,"location":{"lat":52.3702,"lon":4.8952},"reportedBy":"sensor-17","note":"water level above threshold"}""");

    public static readonly EventMetadata Metadata = new()
    {
        CorrelationId = "5d41402abc4b2a76b9719d911017c592",
        CausationId = "7d793037a0760186574b0282f2f435e7",
        TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        Source = "benchmark",
    };

    /// <summary>The metadata as the store encodes it, for the raw inserts.</summary>
    public static readonly byte[] MetadataJson = MetadataCodec.Encode(Metadata);

    /// <summary>
    /// An event with a fresh id: time-ordered from <see cref="EventIds.New"/> as the product's writers make
    /// them, or random (v4), whose inserts land all over the event_id index instead of at its end.
    /// </summary>
    public static EventData New(bool timeOrderedId) => new(NewId(timeOrderedId), Type, Data, Metadata);

    public static Guid NewId(bool timeOrdered) => timeOrdered ? EventIds.New() : Guid.NewGuid();

    public static EventData[] Batch(int size, bool timeOrderedIds)
    {
        var events = new EventData[size];
        for (var i = 0; i < events.Length; i++)
            events[i] = New(timeOrderedIds);
        return events;
    }
}
