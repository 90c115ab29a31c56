using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Processing;

/// <summary>
/// Reads the incident summary that every incident-stream event carries, without materialising the rest of the
/// event (the report, the note): back-testing a million incidents spends its time here.
/// </summary>
internal static class IncidentEventDecoder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "V1.IncidentRecorded", "V1.IncidentCorroborated", "V1.ReportCorrected", "V1.ReportRetracted",
    };

    public static bool Carries(RecordedEvent recorded) => Types.Contains(recorded.Type);

    /// <summary>The summary, or null when the event has none (it is then not an incident event we know).</summary>
    public static IncidentSummary? Decode(RecordedEvent recorded)
    {
        var reader = new Utf8JsonReader(recorded.Data.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isIncident = reader.ValueTextEquals("incident"u8);
            reader.Read();
            if (isIncident)
            {
                // A copy of the reader is a bookmark: System.Text.Json starts from it when the fast reader declines.
                var start = reader;
                if (IncidentSummaryReader.TryRead(ref reader) is { } summary)
                    return summary;
                reader = start;
                return JsonSerializer.Deserialize<IncidentSummary>(ref reader, Json);
            }
            reader.Skip();
        }
        return null;
    }
}
