namespace EarlyWarning.EventStore;

/// <summary>The stable wire name of an event contract, e.g. <c>V1.IncidentReported</c>, so CLR names can change.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
