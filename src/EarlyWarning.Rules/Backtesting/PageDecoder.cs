using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Processing;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>Decodes the incident events of one page of a scan as the store hands them over (<see cref="IEventReader.ScanAllAsync"/>).</summary>
internal sealed class PageDecoder(int capacity) : IEventVisitor
{
    public List<(IncidentSummary Incident, DateTimeOffset RecordedAt)> Incidents { get; } = new(capacity);

    /// <summary>Events visited, incident events or not.</summary>
    public int Read { get; private set; }

    public void Visit(in EventView recorded)
    {
        Read++;
        if (IncidentEventDecoder.Carries(recorded.Type) && IncidentEventDecoder.Decode(recorded.Data) is { } incident)
            Incidents.Add((incident, recorded.RecordedAt));
    }
}
