using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Rules.Model;
using GazetteerData = EarlyWarning.Gazetteer.Gazetteer;

namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>
/// Seeded input sequences for the rule engine: bursts of incidents in a few real districts of Balochistan and
/// Khyber Pakhtunkhwa over a background, arriving mostly in occurred order with jitter below the allowed lateness,
/// with corrections (same id and occurred-at, new casualties, type, reliability or perpetrator) and retractions,
/// and optionally events that arrive beyond the lateness and corrections that move an incident in time.
/// </summary>
public static class RandomIncidents
{
    private static readonly string[] DistrictIds =
        ["quetta", "mastung", "kech", "gwadar", "peshawar", "khyber", "north-waziristan", "bannu"];

    /// <summary>Critical sites on the gazetteer's points of towns in those districts, so nearby incidents are common.</summary>
    private static readonly (string SiteId, string Name, string PlaceId)[] SitePlaces =
    [
        ("gwadar-port", "Gwadar port", "gwadar-town"),
        ("quetta-cantonment", "Quetta cantonment", "quetta-city"),
        ("turbat-airport", "Turbat airport", "turbat"),
        ("peshawar-cantonment", "Peshawar cantonment", "peshawar-city"),
        ("miranshah-fort", "Miranshah fort", "miranshah"),
    ];

    private static readonly string[] Perpetrators = ["BLA", "BLF", "TTP", "ISKP", "Hafiz Gul Bahadur group"];

    private static readonly string[] Types = [.. IncidentTypes.All.Order(StringComparer.Ordinal)];

    private static readonly string[] TargetValues = [.. Targets.All.Order(StringComparer.Ordinal)];

    private static readonly Lazy<IReadOnlyList<DistrictChoice>> Districts = new(LoadDistricts);

    private static readonly Lazy<IReadOnlyList<CriticalSite>> LazySites = new(LoadSites);

    public static IReadOnlyList<CriticalSite> Sites => LazySites.Value;

    public static IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> Generate(int seed, RandomIncidentsOptions options)
    {
        var random = new Random(seed);
        var start = options.Start.AddMinutes(random.Next(0, 24 * 60));
        var provinces = Districts.Value.Select(d => d.ProvinceId).Distinct(StringComparer.Ordinal).ToList();
        var bursts = Enumerable.Range(0, options.Bursts)
            .Select(_ => (Start: start + (options.Span * random.NextDouble()), Length: TimeSpan.FromMinutes(random.Next(90, 6 * 60)), Province: provinces[random.Next(provinces.Count)]))
            .ToList();

        var lateness = options.AllowedLateness;
        var events = new List<(DateTimeOffset Key, int Order, IncidentSummary Incident)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var times = new List<DateTimeOffset>();
        var order = 0;
        for (var n = 0; n < options.Incidents; n++)
        {
            DateTimeOffset occurredAt;
            DistrictChoice district;
            if (times.Count > 0 && random.NextDouble() < options.TieRate)
            {
                occurredAt = times[random.Next(times.Count)];
                district = Pick(random, Districts.Value);
            }
            else if (bursts.Count > 0 && random.NextDouble() < options.BurstShare)
            {
                var burst = bursts[random.Next(bursts.Count)];
                occurredAt = Minute(burst.Start + (burst.Length * random.NextDouble()));
                district = random.NextDouble() < 0.85
                    ? Pick(random, Districts.Value.Where(d => d.ProvinceId == burst.Province).ToList())
                    : Pick(random, Districts.Value);
            }
            else
            {
                occurredAt = Minute(start + (options.Span * random.NextDouble()));
                district = Pick(random, Districts.Value);
            }

            times.Add(occurredAt);
            var incident = NewIncident(random, UniqueId(random, ids), occurredAt, district);

            // Arrival: mostly soon after it occurred, sometimes most of the lateness later, never as late as the lateness.
            var roll = random.NextDouble();
            var delay = roll < 0.7 ? Fraction(random, TimeSpan.FromMinutes(30))
                : roll < 0.95 ? Fraction(random, lateness * 0.5)
                : lateness * (0.5 + (0.45 * random.NextDouble()));
            if (random.NextDouble() < options.BeyondLatenessRate)
            {
                delay = lateness + TimeSpan.FromHours(1) + Fraction(random, lateness);
            }

            var key = occurredAt + delay;
            events.Add((key, order++, incident));
            var current = incident;

            if (random.NextDouble() < options.CorrectionRate)
            {
                var corrections = random.Next(1, 3);
                for (var c = 0; c < corrections; c++)
                {
                    key = Between(random, key, occurredAt + (lateness * 0.98));
                    current = Corrected(random, current);
                    events.Add((key, order++, current));
                }
            }

            // Drawn only when asked for, so the sequences of every other test stay as they were.
            if (options.MoveRate > 0 && random.NextDouble() < options.MoveRate)
            {
                occurredAt = Minute(occurredAt + TimeSpan.FromHours((random.NextDouble() * 96) - 24));
                key = key.Max(occurredAt) + Fraction(random, TimeSpan.FromHours(2));
                current = (random.NextDouble() < 0.5 ? Corrected(random, current) : current) with { OccurredAt = occurredAt };
                events.Add((key, order++, current));
            }

            if (random.NextDouble() < options.RetractionRate)
            {
                key = Between(random, key, occurredAt + (lateness * 0.99));
                current = current with { Withdrawn = true, Sources = [] };
                events.Add((key, order++, current));
            }

            if (random.NextDouble() < options.BeyondLatenessRate)
            {
                key = key.Max(occurredAt + lateness) + TimeSpan.FromHours(1) + Fraction(random, lateness);
                current = random.NextDouble() < 0.5 ? Corrected(random, current) : current with { Withdrawn = true, Sources = [] };
                events.Add((key, order++, current));
            }
        }

        return Recorded(events.OrderBy(e => e.Key).ThenBy(e => e.Order).Select(e => (e.Key, e.Incident)));
    }

    /// <summary>
    /// The same events in another arrival order that keeps every one within the lateness: sorted by occurred-at plus a
    /// jitter below <paramref name="allowedLateness"/>, the events of one incident keeping their relative order.
    /// Any event processed before <c>e</c> then occurred before <c>e.occurredAt + allowedLateness</c>, so the watermark never passes <c>e</c>.
    /// </summary>
    public static IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> Reordered(
        IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> events, TimeSpan allowedLateness, int seed)
    {
        var random = new Random(seed);
        var keyed = events
            .Select((e, index) => (Index: index, e.Incident, Key: e.Incident.OccurredAt + Fraction(random, allowedLateness)))
            .ToList();
        var rekeyed = new List<(DateTimeOffset Key, int Index, IncidentSummary Incident)>();
        foreach (var incident in keyed.GroupBy(e => e.Incident.IncidentId, StringComparer.Ordinal))
        {
            // Every event of one incident has the same occurred-at, so handing its keys out in ascending order keeps each below the lateness.
            var keys = incident.Select(e => e.Key).Order().ToList();
            var inOrder = incident.OrderBy(e => e.Index).ToList();
            for (var i = 0; i < inOrder.Count; i++)
            {
                rekeyed.Add((keys[i], inOrder[i].Index, inOrder[i].Incident));
            }
        }

        return Recorded(rekeyed.OrderBy(e => e.Key).ThenBy(e => e.Index).Select(e => (e.Key, e.Incident)));
    }

    /// <summary>A summary for hand-written tests: one incident at <paramref name="occurredAt"/> in <paramref name="districtId"/>.</summary>
    public static IncidentSummary Incident(
        string id,
        DateTimeOffset occurredAt,
        string districtId,
        string type = IncidentTypes.ArmedAssault,
        int killed = 0,
        string? perpetrator = null,
        string reliability = "B",
        (double Latitude, double Longitude, string Precision)? point = null)
    {
        var district = GazetteerData.Default.FindDistrictById(districtId) ?? throw new ArgumentException($"no district '{districtId}'");
        var province = GazetteerData.Default.ProvinceOf(district);
        var (latitude, longitude, precision) = point ?? (district.Centroid.Latitude, district.Centroid.Longitude, GeoPrecision.Region);
        return new IncidentSummary(
            id,
            occurredAt,
            TimePrecision.Exact,
            new IncidentLocation(province.Id, province.Name, district.Id, district.Name, null, null, latitude, longitude, precision),
            type,
            [Targets.SecurityForces],
            new Casualties(SecurityForces: new SideCasualties(killed, 0)),
            perpetrator,
            perpetrator is null ? ClaimStatus.Unknown : ClaimStatus.Claimed,
            ["oracle"],
            reliability,
            Withdrawn: false);
    }

    private static IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> Recorded(IEnumerable<(DateTimeOffset Key, IncidentSummary Incident)> sorted)
    {
        // The store records one event at a time: recorded-at strictly increases with the arrival order.
        var result = new List<(IncidentSummary, DateTimeOffset)>();
        DateTimeOffset? previous = null;
        foreach (var (key, incident) in sorted)
        {
            var recordedAt = previous is { } p && key <= p ? p.AddTicks(1) : key;
            result.Add((incident, recordedAt));
            previous = recordedAt;
        }

        return result;
    }

    private static IncidentSummary NewIncident(Random random, string id, DateTimeOffset occurredAt, DistrictChoice district)
    {
        var place = district.Places.Count > 0 && random.NextDouble() < 0.7 ? Pick(random, district.Places) : null;
        var precision = random.NextDouble() switch
        {
            < 0.35 => GeoPrecision.Exact,
            < 0.7 => GeoPrecision.Near,
            _ => GeoPrecision.Region,
        };
        double latitude, longitude;
        if (precision == GeoPrecision.Region)
        {
            (latitude, longitude) = (district.Latitude, district.Longitude);
        }
        else
        {
            var (baseLatitude, baseLongitude) = place is null ? (district.Latitude, district.Longitude) : (place.Latitude, place.Longitude);
            var spread = precision == GeoPrecision.Exact ? 0.2 : 0.35;
            latitude = Math.Round(baseLatitude + (spread * ((2 * random.NextDouble()) - 1)), 5);
            longitude = Math.Round(baseLongitude + (spread * ((2 * random.NextDouble()) - 1)), 5);
        }

        var type = random.NextDouble() < 0.85 ? Pick(random, [.. IncidentTypes.Attacks.Order(StringComparer.Ordinal)]) : Pick(random, Types);
        var perpetrator = random.NextDouble() < 0.3 ? null : Pick(random, Perpetrators);
        var targets = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(random, TargetValues)).Distinct(StringComparer.Ordinal).ToList();
        return new IncidentSummary(
            id,
            occurredAt,
            TimePrecision.Exact,
            new IncidentLocation(district.ProvinceId, district.ProvinceName, district.Id, district.Name, place?.Id, place?.Name, latitude, longitude, precision),
            type,
            targets,
            RandomCasualties(random),
            perpetrator,
            perpetrator is null ? ClaimStatus.Unknown : random.NextDouble() < 0.5 ? ClaimStatus.Claimed : ClaimStatus.Attributed,
            ["source-1"],
            RandomReliability(random),
            Withdrawn: false);
    }

    private static IncidentSummary Corrected(Random random, IncidentSummary incident)
    {
        var corrected = incident with
        {
            Casualties = RandomCasualties(random),
            Sources = [.. incident.Sources, $"source-{incident.Sources.Count + 1}"],
        };
        if (random.NextDouble() < 0.3) corrected = corrected with { IncidentType = Pick(random, Types) };
        if (random.NextDouble() < 0.3) corrected = corrected with { BestReliability = RandomReliability(random) };
        if (random.NextDouble() < 0.2)
        {
            var perpetrator = random.NextDouble() < 0.3 ? null : Pick(random, Perpetrators);
            corrected = corrected with { Perpetrator = perpetrator, ClaimStatus = perpetrator is null ? ClaimStatus.Unknown : ClaimStatus.Attributed };
        }

        return corrected;
    }

    private static Casualties RandomCasualties(Random random)
    {
        SideCasualties? Side(int most) => random.NextDouble() switch
        {
            < 0.3 => null,
            < 0.4 => new SideCasualties(null, random.Next(0, 5)),
            _ => new SideCasualties(random.Next(0, most + 1), random.NextDouble() < 0.5 ? null : random.Next(0, 10)),
        };
        return new Casualties(Side(9), Side(7), Side(5));
    }

    private static string RandomReliability(Random random) => random.NextDouble() switch
    {
        < 0.15 => "A",
        < 0.45 => "B",
        < 0.7 => "C",
        < 0.85 => "D",
        < 0.93 => "E",
        _ => "F",
    };

    /// <summary>Ids of mixed case, so an ordering that is not ordinal (culture, ignore-case) shows on ties of occurred-at.</summary>
    private static string UniqueId(Random random, HashSet<string> ids)
    {
        const string alphabet = "0123456789abcdefABCDEF";
        while (true)
        {
            var id = "i-" + new string([.. Enumerable.Range(0, 6).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            if (ids.Add(id))
            {
                return id;
            }
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static TimeSpan Fraction(Random random, TimeSpan span) => TimeSpan.FromTicks((long)(span.Ticks * random.NextDouble()));

    private static DateTimeOffset Between(Random random, DateTimeOffset after, DateTimeOffset before) =>
        after + TimeSpan.FromTicks(1) + Fraction(random, (before - after - TimeSpan.FromTicks(1)).Max(TimeSpan.Zero));

    private static DateTimeOffset Minute(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private static DateTimeOffset Max(this DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(this TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static IReadOnlyList<DistrictChoice> LoadDistricts()
    {
        var gazetteer = GazetteerData.Default;
        return DistrictIds.Select(id =>
        {
            var district = gazetteer.FindDistrictById(id) ?? throw new InvalidOperationException($"the gazetteer has no district '{id}'");
            var province = gazetteer.ProvinceOf(district);
            var places = gazetteer.Places
                .Where(p => p.DistrictId == id && p.Point is not null)
                .Select(p => new PlaceChoice(p.Id, p.Name, p.Point!.Value.Latitude, p.Point.Value.Longitude))
                .ToList();
            return new DistrictChoice(id, district.Name, province.Id, province.Name, district.Centroid.Latitude, district.Centroid.Longitude, places);
        }).ToList();
    }

    private static IReadOnlyList<CriticalSite> LoadSites()
    {
        var gazetteer = GazetteerData.Default;
        return SitePlaces.Select(s =>
        {
            var place = gazetteer.Places.Single(p => p.Id == s.PlaceId);
            var point = place.Point ?? throw new InvalidOperationException($"the gazetteer has no point for '{s.PlaceId}'");
            return new CriticalSite(s.SiteId, s.Name, point.Latitude + 0.01, point.Longitude + 0.01, gazetteer.DistrictOf(place).ProvinceId, null);
        }).ToList();
    }

    private sealed record DistrictChoice(string Id, string Name, string ProvinceId, string ProvinceName, double Latitude, double Longitude, IReadOnlyList<PlaceChoice> Places);

    private sealed record PlaceChoice(string Id, string Name, double Latitude, double Longitude);
}
