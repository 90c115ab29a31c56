using System.Text.Json;
using EarlyWarning.EventStore;

namespace EarlyWarning.Warnings.Http;

/// <summary>One event of a warning's history, as recorded: who was told what, and when.</summary>
public sealed record HistoryEntry(long Position, DateTimeOffset RecordedAt, string Stream, string Type, JsonElement Data)
{
    public static HistoryEntry From(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        using var document = JsonDocument.Parse(recorded.Data);
        return new HistoryEntry(recorded.Position.Value, recorded.RecordedAt, recorded.Stream.Value, recorded.Type, document.RootElement.Clone());
    }
}
