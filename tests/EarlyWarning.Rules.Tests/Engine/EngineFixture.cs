using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Engine;

/// <summary>Hand-made incidents and rules, an engine, and everything it emitted.</summary>
/// <param name="pruneEvery">How often the engine prunes, when a test sets it (<see cref="RuleEngine.PruneEvery"/>).</param>
public sealed class EngineFixture(int? pruneEvery = null)
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 30, 18, 0, 0, TimeSpan.Zero);

    public RuleEngine Engine { get; } = pruneEvery is { } every ? new() { PruneEvery = every } : new();

    public List<EmittedWarningEvent> Events { get; } = [];

    public DateTimeOffset Now { get; set; } = T0;

    public static Rule Spread(string id = "coordinated", int minIncidents = 4, int minDistinct = 3, IReadOnlyList<string>? inhibits = null, params SeverityStep[] steps) =>
        Make(id, new RulePattern.Spread(TimeSpan.FromHours(6), minIncidents, minDistinct, DistinctField.District), GroupBy.Province, inhibits, steps);

    public static Rule Threshold(string id = "district-cluster", int minIncidents = 3) =>
        Make(id, new RulePattern.Threshold(TimeSpan.FromHours(24), minIncidents), GroupBy.District, null, []);

    public static Rule Single(string id = "suicide", IncidentFilter? where = null) =>
        Make(id, new RulePattern.Single(), GroupBy.Province, null, [], where);

    public static Rule Make(string id, RulePattern pattern, GroupBy groupBy, IReadOnlyList<string>? inhibits, IReadOnlyList<SeverityStep> steps, IncidentFilter? where = null) =>
        new(id, id, null, pattern, where ?? IncidentFilter.Any, groupBy, TimeSpan.FromHours(12),
            new Alerting(CapSeverity.Severe, CapUrgency.Immediate, CapCertainty.Observed, steps), inhibits ?? [], id + "-v1", default);

    public static RuleSet Set(params Rule[] rules) =>
        new("hash-" + string.Join("-", rules.Select(r => r.Fingerprint)), rules, TimeSpan.FromHours(24), [], []);

    public static IncidentSummary Incident(string id, string district, double hoursAfterT0, string type = IncidentTypes.ArmedAssault, int killed = 1, bool withdrawn = false)
    {
        var d = Gazetteer.Gazetteer.Default.FindDistrictById(district) ?? throw new ArgumentException(district);
        var p = Gazetteer.Gazetteer.Default.ProvinceOf(d);
        return new IncidentSummary(id, T0.AddHours(hoursAfterT0), TimePrecision.Exact,
            new IncidentLocation(p.Id, p.Name, d.Id, d.Name, null, null, d.Centroid.Latitude, d.Centroid.Longitude, GeoPrecision.Region),
            type, [Targets.SecurityForces], new Casualties(SecurityForces: new SideCasualties(killed)), "BLA", ClaimStatus.Claimed, ["src"], "B", withdrawn);
    }

    public void Activate(RuleSet set) => Engine.Activate(set, Now, Events);

    public void Apply(IncidentSummary incident, double recordedHoursAfterT0)
    {
        Now = T0.AddHours(recordedHoursAfterT0);
        Engine.Apply(incident, Now, Events);
    }

    public void Apply(SilenceAdded silence, double recordedHoursAfterT0)
    {
        Now = T0.AddHours(recordedHoursAfterT0);
        Engine.Apply(silence, Now, Events);
    }

    public void Apply(SilenceRemoved removal, double recordedHoursAfterT0)
    {
        Now = T0.AddHours(recordedHoursAfterT0);
        Engine.Apply(removal, Now, Events);
    }

    public List<T> Of<T>() => Events.Select(e => e.Event).OfType<T>().ToList();

    public KnownWarning Warning(string ruleId) => Assert.Single(Engine.Warnings, w => w.Snapshot.RuleId == ruleId && w.ResolutionReason is null);
}
