namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// The histories the suite measures. The rate decides how often the shipped rules fire, and with them the engine's
/// cost per incident: the rules are set for "an attack or two a day" per province, so at 10 incidents a day
/// nationally they fire sometimes (a warning raised for about one incident in six), while at the example
/// of 300 a day every province is always in a coordinated-attack and claim-then-attack episode.
/// </summary>
public static class Workloads
{
    public const double RealisticPerDay = 10;
    public const double DensePerDay = 300;

    public static IncidentHistoryOptions Realistic(int count) => new(count, RealisticPerDay, BurstEvery: TimeSpan.FromDays(10));

    public static IncidentHistoryOptions Dense(int count) => new(count, DensePerDay, BurstEvery: TimeSpan.FromDays(10));
}
