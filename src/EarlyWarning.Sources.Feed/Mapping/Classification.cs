namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>The incident type an ACLED event maps to, or why it maps to none.</summary>
internal readonly record struct Classification(string? IncidentType, string? Reason)
{
    public static Classification As(string incidentType) => new(incidentType, null);

    public static Classification None(string reason) => new(null, reason);
}
