using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;

namespace EarlyWarning.Partners.Entitlements;

/// <summary>
/// What one partner may see, and the one filter every partner channel reads through (the HTTP feed now; AMQP,
/// webhooks and CAP later), so no two channels can disagree. Only incident and warning events are ever admitted;
/// rule sets, silences, SOC streams, report idempotency streams and rejections never are, whatever the entitlement.
/// </summary>
/// <param name="Provinces">Gazetteer province ids; empty for any province (then <paramref name="Area"/> is set).</param>
/// <param name="Area">When set, only incidents inside it, and warnings with an incident inside it.</param>
/// <param name="Kinds"><see cref="EventKinds"/>: incidents, warnings, or both.</param>
/// <param name="MinimumSeverity">The least CAP severity of a warning admitted; null for any. Incidents have no severity.</param>
/// <param name="Allow">What is shown that is redacted by default.</param>
public sealed record Entitlement(
    IReadOnlyList<string> Provinces,
    EntitlementArea? Area,
    IReadOnlyList<string> Kinds,
    string? MinimumSeverity,
    Allow Allow)
{
    /// <summary>The streams a partner may ever see anything of; readers filter <c>$all</c> by them.</summary>
    public static readonly EventFilter Streams = EventFilter.ForStreams(IncidentStreams.IncidentPrefix, WarningStreams.WarningPrefix);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The recorded event as this partner may see it, or null when it may not see it at all.</summary>
    public AdmittedEvent? Admit(RecordedEvent recorded, EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(registry);
        // The stream is checked before decoding: an event type that also appeared elsewhere must not leak from there.
        if (!Streams.Matches(recorded))
            return null;
        return Admit(registry.Deserialize(recorded)) is { } data
            ? new AdmittedEvent(recorded.Position.Value, recorded.EventId, recorded.Type, recorded.Stream.Value, recorded.RecordedAt, data)
            : null;
    }

    /// <summary>A decoded event's data as this partner may see it (redacted), or null when it may not see it.</summary>
    public JsonObject? Admit(object? decoded) => decoded switch
    {
        IncidentRecorded e => Incident(e, e.Incident),
        IncidentCorroborated e => Incident(e, e.Incident),
        ReportCorrected e => Incident(e, e.Incident),
        ReportRetracted e => Incident(e, e.Incident),
        WarningRaised e => Warning(e, e.Warning),
        WarningUpdated e => Warning(e, e.Warning),
        WarningResolved e => Warning(e, e.Warning),
        _ => null,
    };

    private JsonObject? Incident(object decoded, IncidentSummary incident)
    {
        var location = incident.Location;
        if (!Kinds.Contains(EventKinds.Incidents)
            || !InProvinces(location.ProvinceId)
            || (Area is not null && !Area.Contains(location.Latitude, location.Longitude)))
            return null;
        var data = Serialize(decoded);
        if (!Allow.SourceIdentities)
        {
            Remove(data, nameof(ReportCorrected.SourceId), nameof(ReportCorrected.ReportId), nameof(ReportCorrected.CorrectionId));
            Remove(data[Name(nameof(IncidentRecorded.Report))], nameof(RecordedReport.SourceId), nameof(RecordedReport.ReportId));
            Remove(data[Name(nameof(IncidentRecorded.Incident))], nameof(IncidentSummary.Sources));
        }
        if (!Allow.Notes)
        {
            Remove(data, nameof(ReportCorrected.Note), nameof(ReportRetracted.Reason));
            Remove(data[Name(nameof(IncidentRecorded.Report))], nameof(RecordedReport.Text));
        }
        return data;
    }

    private JsonObject? Warning(object decoded, WarningSnapshot warning)
    {
        if (!Kinds.Contains(EventKinds.Warnings)
            || (MinimumSeverity is not null && CapSeverity.Rank(warning.Severity) < CapSeverity.Rank(MinimumSeverity))
            || !WarningInProvinces(warning)
            || (Area is not null && !warning.Incidents.Any(i => Area.Contains(i.Latitude, i.Longitude))))
            return null;
        var data = Serialize(decoded);
        if (!Allow.Notes)
            Remove(data[Name(nameof(WarningRaised.Warning))]?[Name(nameof(WarningSnapshot.Suppression))], nameof(WarningSuppression.Reason));
        return data;
    }

    private bool InProvinces(string provinceId) =>
        Provinces.Count == 0 || Provinces.Contains(provinceId, StringComparer.OrdinalIgnoreCase);

    // A warning grouped over the whole country has no province of its own; it concerns a province when
    // incidents of that province are part of it (as for a SOC recipient's filter in dispatch).
    private bool WarningInProvinces(WarningSnapshot warning) =>
        Provinces.Count == 0 || (warning.ProvinceId is { } province ? InProvinces(province) : warning.Incidents.Any(i => InProvinces(i.ProvinceId)));

    private static JsonObject Serialize(object decoded) => JsonSerializer.SerializeToNode(decoded, decoded.GetType(), Json)!.AsObject();

    private static void Remove(JsonNode? node, params string[] properties)
    {
        if (node is not JsonObject json)
            return;
        foreach (var property in properties)
            json.Remove(Name(property));
    }

    private static string Name(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
