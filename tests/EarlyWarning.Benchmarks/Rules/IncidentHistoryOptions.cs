namespace EarlyWarning.Benchmarks.Rules;

/// <summary>The shape of a synthetic history (see <see cref="IncidentHistory"/>).</summary>
/// <param name="Count">Incidents in all.</param>
/// <param name="PerDay">Background incidents per day, nationally; the history spans <c>Count / PerDay</c> days.</param>
/// <param name="BurstEvery">Mean time between coordinated bursts.</param>
/// <param name="LateShare">Share of incidents that arrive up to 6 hours late.</param>
/// <param name="Seed">The random seed: the same options give the same history.</param>
public sealed record IncidentHistoryOptions(int Count, double PerDay, TimeSpan BurstEvery, double LateShare = 0.05, int Seed = 20261124);
