using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Gazetteer;
using TargetNames = EarlyWarning.Contracts.Vocabulary.Targets;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// A synthetic, seeded history of incidents in the order the rules would receive them: a Poisson background
/// at <see cref="IncidentHistoryOptions.PerDay"/> over the gazetteer's districts (Balochistan and Khyber
/// Pakhtunkhwa hold nine in ten, a few districts of each much busier than the rest), every incident type,
/// and coordinated bursts like the night of 30–31 January 2026 (6–15 attacks in 4–10 districts of one province
/// within 2–6 hours). Arrival is in occurred-at order except for a share that arrives late, within 6 hours.
/// One report per incident; no corrections or retractions.
/// </summary>
public sealed class IncidentHistory
{
    private static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Province, double Weight)[] ProvinceWeights =
    [
        ("balochistan", 0.45), ("khyber-pakhtunkhwa", 0.45), ("punjab", 0.04), ("sindh", 0.04),
        ("gilgit-baltistan", 0.01), ("azad-jammu-and-kashmir", 0.005), ("islamabad-capital-territory", 0.005),
    ];

    private static readonly (string Type, double Weight)[] TypeWeights =
    [
        (IncidentTypes.ArmedAssault, 0.30), (IncidentTypes.Bombing, 0.14), (IncidentTypes.TargetedKilling, 0.11),
        (IncidentTypes.SecurityOperation, 0.15), (IncidentTypes.Kidnapping, 0.05), (IncidentTypes.InfrastructureAttack, 0.08),
        (IncidentTypes.CrossBorderFire, 0.04), (IncidentTypes.SuicideAttack, 0.02), (IncidentTypes.ClaimOfResponsibility, 0.11),
    ];

    private static readonly (string Target, double Weight)[] TargetWeights =
    [
        (TargetNames.SecurityForces, 0.30), (TargetNames.Police, 0.25), (TargetNames.Civilians, 0.18), (TargetNames.Government, 0.05),
        (TargetNames.Highway, 0.08), (TargetNames.Rail, 0.02), (TargetNames.CpecSite, 0.015), (TargetNames.ForeignNationals, 0.005),
        (TargetNames.Energy, 0.05), (TargetNames.Telecom, 0.05),
    ];

    private static readonly (string Grade, double Weight)[] ReliabilityWeights = [("A", 0.10), ("B", 0.40), ("C", 0.35), ("D", 0.10), ("E", 0.03), ("F", 0.02)];

    private static readonly string[] SourceIds =
    [
        "police-quetta", "police-peshawar", "ctd-balochistan", "ctd-kp", "ispr", "fc-balochistan", "acled", "dawn", "the-express-tribune",
        "balochistan-post", "geo-news", "levies-kech", "police-bannu", "police-di-khan", "picss", "pips", "reuters", "bbc-urdu", "voa-urdu", "app",
    ];

    private static readonly Dictionary<string, List<Place>> PlacesByDistrict = new(StringComparer.Ordinal);

    private readonly List<Arrival> _arrivals;

    private IncidentHistory(List<Arrival> arrivals, int bursts, int late)
    {
        _arrivals = arrivals;
        Bursts = bursts;
        Late = late;
        FirstOccurredAt = arrivals.Min(a => a.Incident.OccurredAt);
        LastOccurredAt = arrivals.Max(a => a.Incident.OccurredAt);
    }

    /// <summary>The incidents in arrival order, each with the time it was recorded.</summary>
    public IReadOnlyList<Arrival> Arrivals => _arrivals;

    public int Count => _arrivals.Count;

    /// <summary>Coordinated bursts injected.</summary>
    public int Bursts { get; }

    /// <summary>Incidents that arrive after one that occurred later.</summary>
    public int Late { get; }

    public DateTimeOffset FirstOccurredAt { get; }

    public DateTimeOffset LastOccurredAt { get; }

    /// <summary>The share of incidents in Balochistan and Khyber Pakhtunkhwa, for the report.</summary>
    public double ShareOf(params string[] provinceIds) => _arrivals.Count(a => provinceIds.Contains(a.Incident.Location.ProvinceId)) / (double)Count;

    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Format.Count(Count)} incidents from {FirstOccurredAt:yyyy-MM-dd} to {LastOccurredAt:yyyy-MM-dd} ({(LastOccurredAt - FirstOccurredAt).TotalDays:0} days), {Format.Count(Bursts)} coordinated bursts, {Format.Percent(Late / (double)Count)} late (within 6 h), {Format.Percent(ShareOf("balochistan", "khyber-pakhtunkhwa"))} in Balochistan and Khyber Pakhtunkhwa");

    public static IncidentHistory Generate(IncidentHistoryOptions options, Gazetteer.Gazetteer gazetteer)
    {
        var random = new Random(options.Seed);
        var districts = new DistrictPicker(gazetteer, random);
        var span = TimeSpan.FromDays(options.Count / options.PerDay);
        var start = End - span;

        // Occurrences first (background and bursts), then arrival order.
        var occurrences = new List<(DateTimeOffset At, District District, string? Type)>(options.Count + 64);
        var t = start;
        while (occurrences.Count < options.Count)
        {
            t += TimeSpan.FromDays(-Math.Log(1 - random.NextDouble()) / options.PerDay);
            occurrences.Add((t, districts.Pick(random, Weighted(random, ProvinceWeights)), null));
        }
        var bursts = 0;
        for (var b = start + Exponential(random, options.BurstEvery); b < t; b += Exponential(random, options.BurstEvery))
        {
            bursts++;
            var province = random.NextDouble() < 0.6 ? "balochistan" : "khyber-pakhtunkhwa";
            var length = TimeSpan.FromHours(2 + (4 * random.NextDouble()));
            var places = districts.Several(random, province, random.Next(4, 11));
            var attacks = Math.Max(places.Count, random.Next(6, 16));
            for (var i = 0; i < attacks; i++)
                occurrences.Add((b + (length * random.NextDouble()), places[i % places.Count], Pick(random, [IncidentTypes.ArmedAssault, IncidentTypes.ArmedAssault, IncidentTypes.Bombing, IncidentTypes.SuicideAttack, IncidentTypes.InfrastructureAttack])));
        }
        occurrences.Sort((a, b) => a.At.CompareTo(b.At));
        occurrences.RemoveRange(options.Count, occurrences.Count - options.Count);

        var arrivals = new List<(DateTimeOffset Key, Arrival Arrival)>(options.Count);
        var late = 0;
        foreach (var (at, district, type) in occurrences)
        {
            var incident = NewIncident(random, gazetteer, at, district, type ?? Weighted(random, TypeWeights));
            // Reports reach the store a few minutes after the fact; a late one up to 6 hours after it.
            var delay = TimeSpan.FromMinutes(5);
            if (random.NextDouble() < options.LateShare)
            {
                delay += TimeSpan.FromHours(6 * random.NextDouble());
                late++;
            }
            arrivals.Add((incident.OccurredAt + delay, new Arrival(incident, incident.OccurredAt + delay)));
        }
        // Stable, so incidents that arrive at the same moment keep their occurred order.
        var ordered = arrivals.OrderBy(a => a.Key).Select(a => a.Arrival).ToList();
        var frontier = DateTimeOffset.MinValue;
        var behind = 0;
        foreach (var arrival in ordered)
        {
            if (arrival.Incident.OccurredAt < frontier)
                behind++;
            else
                frontier = arrival.Incident.OccurredAt;
        }
        return new IncidentHistory(ordered, bursts, behind);
    }

    /// <summary>The one report an incident of this history was built from, as ingest would have recorded it.</summary>
    public static RecordedReport ReportOf(IncidentSummary incident, int ordinal) => new(
        incident.Sources[0],
        $"r-{ordinal:x8}",
        incident.BestReliability,
        3,
        incident.OccurredAt + TimeSpan.FromMinutes(4),
        incident.OccurredAt,
        incident.OccurredAtPrecision,
        incident.Location,
        incident.IncidentType,
        incident.Targets,
        incident.Casualties,
        incident.Perpetrator,
        incident.ClaimStatus,
        $"{incident.IncidentType} reported in {incident.Location.Place ?? incident.Location.District}, {incident.Location.Province}; figures as given by the source at the time.");

    private static IncidentSummary NewIncident(Random random, Gazetteer.Gazetteer gazetteer, DateTimeOffset at, District district, string type)
    {
        var hourOnly = random.NextDouble() < 0.25;
        var occurredAt = hourOnly ? new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero) : new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var province = gazetteer.ProvinceOf(district);
        var location = Location(random, gazetteer, district, province);

        IReadOnlyList<string> targets = type switch
        {
            IncidentTypes.SecurityOperation => [TargetNames.Militants],
            IncidentTypes.ClaimOfResponsibility => [],
            IncidentTypes.CrossBorderFire => [TargetNames.SecurityForces],
            _ => random.NextDouble() < 0.75 ? [Weighted(random, TargetWeights)] : [Weighted(random, TargetWeights), Weighted(random, TargetWeights)],
        };
        var perpetrator = type == IncidentTypes.SecurityOperation ? null : Perpetrator(random, province.Id);
        var claim = perpetrator is null ? ClaimStatus.Unknown : type == IncidentTypes.ClaimOfResponsibility || random.NextDouble() < 0.5 ? ClaimStatus.Claimed : ClaimStatus.Attributed;
        var sourceCount = random.NextDouble() switch { < 0.70 => 1, < 0.95 => 2, _ => 3 };
        var sources = Enumerable.Range(0, sourceCount).Select(_ => Pick(random, SourceIds)).Distinct(StringComparer.Ordinal).ToList();
        return new IncidentSummary(
            // 32 hex digits, time first, as ingest's version 7 ids are.
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at.ToUnixTimeMilliseconds():x12}{random.NextInt64():x16}{random.Next(0x10000):x4}"),
            occurredAt,
            hourOnly ? TimePrecision.Hour : TimePrecision.Exact,
            location,
            type,
            targets,
            Casualties(random, type, targets),
            perpetrator,
            claim,
            sources,
            Weighted(random, ReliabilityWeights),
            false);
    }

    private static IncidentLocation Location(Random random, Gazetteer.Gazetteer gazetteer, District district, Province province)
    {
        var places = PlacesIn(gazetteer, district.Id);
        var place = places.Count > 0 && random.NextDouble() < 0.5 ? places[random.Next(places.Count)] : null;
        var roll = random.NextDouble();
        var precision = roll < 0.5 ? GeoPrecision.Region : roll < 0.85 ? GeoPrecision.Near : GeoPrecision.Exact;
        var point = precision == GeoPrecision.Region ? district.Centroid : place?.Point ?? district.Centroid;
        if (precision != GeoPrecision.Region)
        {
            // Somewhere around the town or the district's middle, up to about 15 km (near) or 25 km (exact) off it.
            var spread = precision == GeoPrecision.Near ? 0.15 : 0.25;
            point = new GeoPoint(point.Latitude + (spread * ((2 * random.NextDouble()) - 1)), point.Longitude + (spread * ((2 * random.NextDouble()) - 1)));
        }
        return new IncidentLocation(province.Id, province.Name, district.Id, district.Name, place?.Id, place?.Name, point.Latitude, point.Longitude, precision);
    }

    private static Casualties Casualties(Random random, string type, IReadOnlyList<string> targets)
    {
        if (type is IncidentTypes.ClaimOfResponsibility || random.NextDouble() < 0.15)
            return Contracts.Reports.Casualties.None;
        // Most incidents kill a few or none; about one in a hundred is a mass-casualty attack.
        int Killed(double mean) => random.NextDouble() < 0.01 ? random.Next(10, 41) : (int)(-Math.Log(1 - random.NextDouble()) * mean);
        var security = targets.Contains(TargetNames.SecurityForces) || targets.Contains(TargetNames.Police);
        var civilians = targets.Contains(TargetNames.Civilians) || targets.Contains(TargetNames.Highway) || targets.Contains(TargetNames.ForeignNationals);
        return new Casualties(
            security ? new SideCasualties(Killed(1.5), random.Next(0, 6)) : null,
            civilians ? new SideCasualties(Killed(1.2), random.Next(0, 8)) : null,
            type == IncidentTypes.SecurityOperation || random.NextDouble() < 0.2 ? new SideCasualties(Killed(2.0), null) : null);
    }

    private static string? Perpetrator(Random random, string provinceId)
    {
        var roll = random.NextDouble();
        return provinceId switch
        {
            "balochistan" => roll < 0.40 ? "BLA" : roll < 0.60 ? "BLF" : null,
            "khyber-pakhtunkhwa" => roll < 0.45 ? "TTP" : roll < 0.55 ? "Hafiz Gul Bahadur group" : roll < 0.60 ? "ISKP" : null,
            _ => roll < 0.2 ? "TTP" : null,
        };
    }

    private static List<Place> PlacesIn(Gazetteer.Gazetteer gazetteer, string districtId)
    {
        lock (PlacesByDistrict)
        {
            if (PlacesByDistrict.Count == 0)
            {
                foreach (var group in gazetteer.Places.GroupBy(p => p.DistrictId, StringComparer.Ordinal))
                    PlacesByDistrict[group.Key] = [.. group];
            }
            return PlacesByDistrict.GetValueOrDefault(districtId) ?? [];
        }
    }

    private static TimeSpan Exponential(Random random, TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static T Weighted<T>(Random random, (T Item, double Weight)[] items)
    {
        var roll = random.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (item, weight) in items)
        {
            roll -= weight;
            if (roll < 0)
                return item;
        }
        return items[^1].Item;
    }

    /// <summary>Districts of a province, busiest first: the weight of the k-th is 1/k, so a few districts see most incidents, as they do.</summary>
    private sealed class DistrictPicker
    {
        private readonly Dictionary<string, (District District, double Weight)[]> _byProvince;

        public DistrictPicker(Gazetteer.Gazetteer gazetteer, Random random) =>
            _byProvince = gazetteer.Districts
                .GroupBy(d => d.ProvinceId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(_ => random.Next()).Select((d, i) => (d, 1.0 / (i + 1))).ToArray(), StringComparer.Ordinal);

        public District Pick(Random random, string provinceId) => Weighted(random, _byProvince[provinceId]);

        /// <summary><paramref name="count"/> different districts of the province, drawn by the same weights.</summary>
        public List<District> Several(Random random, string provinceId, int count)
        {
            var left = _byProvince[provinceId].ToList();
            var chosen = new List<District>(count);
            while (chosen.Count < count && left.Count > 0)
            {
                var district = Weighted(random, [.. left]);
                chosen.Add(district);
                left.RemoveAll(d => ReferenceEquals(d.District, district));
            }
            return chosen;
        }
    }
}
