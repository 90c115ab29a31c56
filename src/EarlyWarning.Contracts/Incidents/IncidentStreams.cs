using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>The streams incident events live in. Readers filter <c>$all</c> by these prefixes.</summary>
public static class IncidentStreams
{
    /// <summary>Prefix of every incident's stream.</summary>
    public const string IncidentPrefix = "incident-";

    /// <summary>Prefix of every report's idempotency stream.</summary>
    public const string ReportPrefix = "report-";

    /// <summary>The stream that holds every <see cref="ReportRejected"/>.</summary>
    public static StreamName Rejections { get; } = new("rejections");

    /// <summary>The stream of one incident.</summary>
    public static StreamName Incident(string incidentId) => new(IncidentPrefix + incidentId);

    /// <summary>The idempotency stream of one report; source and report ids are validated before they get here.</summary>
    public static StreamName Report(string sourceId, string reportId) => new($"{ReportPrefix}{sourceId}/{reportId}");
}
