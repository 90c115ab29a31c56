namespace EarlyWarning.Partners.Entitlements;

/// <summary>What a partner may be entitled to: the events of incidents, of warnings, or both.</summary>
public static class EventKinds
{
    /// <summary>The events of <c>incident-*</c> streams: recorded, corroborated, corrected, retracted.</summary>
    public const string Incidents = "incidents";

    /// <summary>The events of <c>warning-*</c> streams: raised, updated, resolved.</summary>
    public const string Warnings = "warnings";

    /// <summary>The first word of an incident event's AMQP routing key.</summary>
    public const string Incident = "incident";

    /// <summary>The first word of a warning event's AMQP routing key.</summary>
    public const string Warning = "warning";

    public static IReadOnlyList<string> All { get; } = [Incidents, Warnings];
}
