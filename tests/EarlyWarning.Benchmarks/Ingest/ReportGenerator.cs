using System.Globalization;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Gazetteer;
using Vocabulary = EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// Incident reports as the feeds send them: every district of the gazetteer in turn, a place and coordinates
/// where a source would give them, ACLED-style types, targets, casualties and claims, and a line of text.
/// A share of the reports (<see cref="IngestWorkload.CorroboratingShare"/>) is a second source's report of an
/// attack reported a little earlier in the sequence: same district and place, a compatible type, a time
/// within the hour. Ingest should record those as corroboration, so correlation is exercised.
/// </summary>
/// <remarks>
/// Each district's attacks are <see cref="AttackSpacing"/> apart, more than the correlation window (2 h) plus
/// the slack of "hour" precision on both sides, so two first reports never correlate with each other and
/// the corroborating share is what the generator chose. Times rise with the sequence, as a live feed's do,
/// so ingest's per-district index only ever appends. The clock starts far enough back that the last report
/// of the run is still in the past.
/// </remarks>
public sealed class ReportGenerator
{
    private static readonly TimeSpan AttackSpacing = TimeSpan.FromHours(6);

    private static readonly string[] Agencies =
    [
        "ctd-balochistan", "ctd-kp", "levies-balochistan", "fc-balochistan", "fc-kp", "police-quetta", "police-peshawar",
        "police-kp", "police-punjab", "police-sindh", "home-department-kp", "home-department-balochistan", "ispr",
    ];

    private static readonly string[] Media =
    [
        "acled", "dawn", "express-tribune", "geo-news", "the-balochistan-post", "voa-urdu", "bbc-urdu", "pakistan-today",
    ];

    private static readonly (string Type, int Weight)[] Types =
    [
        (IncidentTypes.ArmedAssault, 30), (IncidentTypes.Bombing, 18), (IncidentTypes.TargetedKilling, 14),
        (IncidentTypes.InfrastructureAttack, 10), (IncidentTypes.Kidnapping, 8), (IncidentTypes.SecurityOperation, 8),
        (IncidentTypes.SuicideAttack, 5), (IncidentTypes.CrossBorderFire, 4), (IncidentTypes.ClaimOfResponsibility, 3),
    ];

    private static readonly string[] Perpetrators = ["BLA", "BLF", "TTP", "ISKP", "Lashkar-e-Jhangvi", "Hafiz Gul Bahadur group"];

    private readonly Random _random;
    private readonly string _run;
    private readonly List<(District District, IReadOnlyList<Place> Places, string Province)> _districts;
    private readonly Dictionary<string, DateTimeOffset> _clocks = new(StringComparer.Ordinal);
    private readonly PriorityQueue<IncidentReported, long> _secondReports = new();
    private readonly double _secondShare;
    private long _sequence;
    private long _attacks;

    /// <param name="expectedReports">How many reports the run will take, to start the clock far enough back.</param>
    /// <param name="corroboratingShare">The share of second-source reports.</param>
    /// <param name="seed">Fixed, so every run sends the same reports.</param>
    public ReportGenerator(long expectedReports, double corroboratingShare, int seed = 20_260_101)
    {
        _random = new Random(seed);
        _run = Guid.NewGuid().ToString("N")[..6];
        var gazetteer = Gazetteer.Gazetteer.Default;
        var places = gazetteer.Places.ToLookup(p => p.DistrictId);
        _districts = gazetteer.Districts
            .Select(d => (d, (IReadOnlyList<Place>)places[d.Id].ToList(), gazetteer.ProvinceOf(d).Name))
            .ToList();
        // A first report is followed by a second source's with probability p; the second ones are then p / (1 + p) of all.
        _secondShare = corroboratingShare / (1 - corroboratingShare);
        var attacksPerDistrict = expectedReports / _districts.Count + 2;
        var start = DateTimeOffset.UtcNow - AttackSpacing * (attacksPerDistrict + 2);
        foreach (var (district, _, _) in _districts)
            _clocks[district.Id] = start;
    }

    /// <summary>The next <paramref name="count"/> reports, each with the message id it will be published under.</summary>
    public IReadOnlyList<(Guid MessageId, IncidentReported Report)> Next(int count)
    {
        var reports = new List<(Guid, IncidentReported)>(count);
        for (var i = 0; i < count; i++)
            reports.Add((Guid.NewGuid(), Next()));
        return reports;
    }

    public IncidentReported Next()
    {
        var sequence = _sequence++;
        if (_secondReports.TryPeek(out var second, out var due) && due <= sequence)
        {
            _secondReports.Dequeue();
            return second;
        }
        var first = FirstReport(sequence);
        if (_random.NextDouble() < _secondShare)
            _secondReports.Enqueue(SecondReport(first), sequence + _random.Next(20, 400));
        return first;
    }

    private IncidentReported FirstReport(long sequence)
    {
        // Every district in turn, so each district's attacks stay AttackSpacing apart.
        var (district, places, province) = _districts[(int)(_attacks++ % _districts.Count)];
        var occurredAt = (_clocks[district.Id] += AttackSpacing) + TimeSpan.FromMinutes(_random.Next(0, 20));
        var type = Weighted(Types);
        var place = places.Count > 0 && _random.NextDouble() < 0.6 ? places[_random.Next(places.Count)] : null;
        var (perpetrator, claim) = Claim(type);
        var source = Agencies[_random.Next(Agencies.Length)];
        return new IncidentReported(
            source,
            $"{_run}-{sequence:D8}",
            Pick("A", "B", "B", "C", "C", "D"),
            _random.Next(1, 5),
            occurredAt + TimeSpan.FromMinutes(_random.Next(15, 180)),
            occurredAt,
            _random.NextDouble() < 0.7 ? TimePrecision.Exact : TimePrecision.Hour,
            Location(district, province, place),
            type,
            RandomTargets(type),
            RandomCasualties(),
            perpetrator,
            claim,
            Text(type, district, place));
    }

    /// <summary>Another source on the same attack: its own figures and wording, a time off by minutes.</summary>
    private IncidentReported SecondReport(IncidentReported first)
    {
        var sequence = _sequence + 1_000_000_000;
        var type = first.IncidentType == IncidentTypes.ArmedAssault && _random.NextDouble() < 0.3 ? IncidentTypes.SuicideAttack : first.IncidentType;
        var occurredAt = first.OccurredAt + TimeSpan.FromMinutes(_random.Next(-40, 40));
        var location = first.Location with { Latitude = null, Longitude = null, GeoPrecision = null };
        return first with
        {
            SourceId = Media[_random.Next(Media.Length)],
            ReportId = $"{_run}-{sequence:D10}",
            Reliability = Pick("B", "C", "C", "D", "F"),
            Credibility = _random.Next(2, 6),
            OccurredAt = occurredAt,
            ReportedAt = first.ReportedAt + TimeSpan.FromMinutes(_random.Next(10, 240)),
            OccurredAtPrecision = _random.NextDouble() < 0.5 ? TimePrecision.Exact : TimePrecision.Hour,
            Location = location,
            IncidentType = type,
            Casualties = RandomCasualties(),
            Text = first.Text is null ? null : "Reports: " + first.Text,
        };
    }

    private ReportedLocation Location(District district, string province, Place? place)
    {
        var provinceName = _random.NextDouble() < 0.8 ? province : null;
        if (_random.NextDouble() >= 0.3)
            return new ReportedLocation(provinceName, district.Name, place?.Name);
        // Coordinates near the place (or the district's centre), as a source with a map gives them.
        var at = place?.Point ?? district.Centroid;
        return new ReportedLocation(provinceName, district.Name, place?.Name,
            Math.Round(at.Latitude + (_random.NextDouble() - 0.5) * 0.04, 4),
            Math.Round(at.Longitude + (_random.NextDouble() - 0.5) * 0.04, 4),
            GeoPrecision.Near);
    }

    private (string? Perpetrator, string Claim) Claim(string type)
    {
        if (type == IncidentTypes.SecurityOperation)
            return (null, ClaimStatus.Unknown);
        var perpetrator = Perpetrators[_random.Next(Perpetrators.Length)];
        if (type == IncidentTypes.ClaimOfResponsibility)
            return (perpetrator, ClaimStatus.Claimed);
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.3 => (perpetrator, ClaimStatus.Claimed),
            < 0.55 => (perpetrator, ClaimStatus.Attributed),
            _ => (null, ClaimStatus.Unknown),
        };
    }

    private string[] RandomTargets(string type) => type switch
    {
        IncidentTypes.InfrastructureAttack => [Pick(Vocabulary.Targets.Highway, Vocabulary.Targets.Rail, Vocabulary.Targets.Energy, Vocabulary.Targets.Telecom, Vocabulary.Targets.CpecSite)],
        IncidentTypes.SecurityOperation => [Vocabulary.Targets.Militants],
        IncidentTypes.Kidnapping => [Pick(Vocabulary.Targets.Civilians, Vocabulary.Targets.ForeignNationals, Vocabulary.Targets.Government)],
        IncidentTypes.ClaimOfResponsibility => [],
        _ => _random.NextDouble() < 0.3
            ? [Pick(Vocabulary.Targets.SecurityForces, Vocabulary.Targets.Police), Vocabulary.Targets.Civilians]
            : [Pick(Vocabulary.Targets.SecurityForces, Vocabulary.Targets.Police, Vocabulary.Targets.Civilians, Vocabulary.Targets.Government)],
    };

    private Casualties? RandomCasualties()
    {
        if (_random.NextDouble() < 0.15)
            return null;
        SideCasualties? Side(double chance, int most) =>
            _random.NextDouble() < chance ? new SideCasualties(_random.Next(0, most), _random.NextDouble() < 0.7 ? _random.Next(0, most * 2) : null) : null;
        return new Casualties(Side(0.6, 8), Side(0.5, 6), Side(0.3, 5));
    }

    private string Text(string type, District district, Place? place)
    {
        var where = place is null ? $"{district.Name} district" : $"{place.Name}, {district.Name} district";
        var what = type switch
        {
            IncidentTypes.ArmedAssault => "Gunmen attacked a checkpost",
            IncidentTypes.Bombing => "An improvised explosive device went off beside a passing vehicle",
            IncidentTypes.SuicideAttack => "A suicide bomber rammed an explosive-laden car into a convoy",
            IncidentTypes.TargetedKilling => "Unidentified men on a motorcycle shot dead a local official",
            IncidentTypes.Kidnapping => "Armed men abducted workers from a construction site",
            IncidentTypes.InfrastructureAttack => "Militants blew up a transmission tower",
            IncidentTypes.CrossBorderFire => "Shells fired from across the border landed near a village",
            IncidentTypes.SecurityOperation => "Security forces conducted an intelligence-based operation",
            _ => "A group claimed responsibility for an attack",
        };
        var day = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)_random.Next(7));
        return $"{what} in {where} late on {day}, officials said. Security forces cordoned off the area and a search operation was under way.";
    }

    private string Pick(params string[] values) => values[_random.Next(values.Length)];

    private string Weighted((string Value, int Weight)[] values)
    {
        var roll = _random.Next(values.Sum(v => v.Weight));
        foreach (var (value, weight) in values)
        {
            if ((roll -= weight) < 0)
                return value;
        }
        return values[^1].Value;
    }
}
