using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>
/// One page of the store as the back-test's reader hands it to the engine: the incident summaries it carried, in
/// store order, each with the time it was recorded; how many events the page held; and the position it ended at.
/// </summary>
/// <param name="Incidents">The decoded incident events, in store order.</param>
/// <param name="Read">Events the page held, decoded or not: fewer than a full page means the store's end.</param>
/// <param name="Position">The position of the page's last event (where the previous page ended when it held none).</param>
internal sealed record DecodedPage(IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> Incidents, int Read, GlobalPosition Position);
