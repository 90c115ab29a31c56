using System.Security.Cryptography;
using System.Text.Json;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>
/// The fingerprint of a rule: SHA-256 over a canonical JSON rendering of its definition (everything but where it is
/// written; sets sorted, durations in ticks). Formatting, comments, key order, the order of a set's items and other
/// rules do not change it; any parameter does. A proximity rule's rendering includes the sites it watches, because
/// moving or adding a site changes what the rule detects as surely as changing its radius.
/// </summary>
internal static class RuleFingerprint
{
    public static string Of(Rule rule, IReadOnlyList<CriticalSite> watchedSites)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("title", rule.Title);
            json.WriteString("description", rule.Description);
            Pattern(json, rule.Pattern);
            Filter(json, "where", rule.Where);
            json.WriteString("groupBy", rule.GroupBy.ToString());
            json.WriteNumber("quietPeriod", rule.QuietPeriod.Ticks);
            json.WriteString("severity", rule.Alerting.Severity);
            json.WriteString("urgency", rule.Alerting.Urgency);
            json.WriteString("certainty", rule.Alerting.Certainty);
            json.WriteStartArray("escalate");
            foreach (var step in rule.Alerting.Steps.OrderBy(s => s.Measure).ThenBy(s => s.AtLeast).ThenBy(s => s.Severity, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("measure", step.Measure.ToString());
                json.WriteNumber("atLeast", step.AtLeast);
                json.WriteString("severity", step.Severity);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Strings(json, "inhibits", rule.Inhibits);
            if (rule.Pattern is RulePattern.Proximity)
            {
                json.WriteStartArray("watchedSites");
                foreach (var site in watchedSites.OrderBy(s => s.Id, StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("id", site.Id);
                    json.WriteNumber("latitude", site.Latitude);
                    json.WriteNumber("longitude", site.Longitude);
                    json.WriteString("province", site.ProvinceId);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void Pattern(Utf8JsonWriter json, RulePattern pattern)
    {
        json.WriteStartObject("pattern");
        json.WriteString("kind", pattern.Kind);
        switch (pattern)
        {
            case RulePattern.Spread spread:
                json.WriteNumber("window", spread.Window.Ticks);
                json.WriteNumber("minIncidents", spread.MinIncidents);
                json.WriteNumber("minDistinct", spread.MinDistinct);
                json.WriteString("distinct", spread.Distinct.ToString());
                break;
            case RulePattern.Threshold threshold:
                json.WriteNumber("window", threshold.Window.Ticks);
                json.WriteNumber("minIncidents", threshold.MinIncidents);
                break;
            case RulePattern.Trend trend:
                json.WriteNumber("window", trend.Window.Ticks);
                json.WriteNumber("baseline", trend.Baseline.Ticks);
                json.WriteNumber("bucket", trend.Bucket.Ticks);
                Number(json, "ratio", trend.Ratio);
                Number(json, "zScore", trend.ZScore);
                json.WriteNumber("minIncidents", trend.MinIncidents);
                json.WriteNumber("minBaseline", trend.MinBaseline);
                break;
            case RulePattern.Proximity proximity:
                json.WriteNumber("radiusKm", proximity.RadiusKm);
                Strings(json, "sites", proximity.SiteIds);
                json.WriteString("minGeoPrecision", proximity.MinGeoPrecision);
                break;
            case RulePattern.Sequence sequence:
                Filter(json, "first", sequence.First);
                Filter(json, "then", sequence.Then);
                json.WriteNumber("window", sequence.Window.Ticks);
                break;
        }
        json.WriteEndObject();
    }

    private static void Filter(Utf8JsonWriter json, string name, IncidentFilter filter)
    {
        json.WriteStartObject(name);
        Strings(json, "types", filter.IncidentTypes);
        Strings(json, "provinces", filter.ProvinceIds);
        Strings(json, "districts", filter.DistrictIds);
        Strings(json, "targets", filter.Targets);
        // Compared ignoring case, so "BLA" and "bla" are the same filter.
        Strings(json, "perpetrators", filter.Perpetrators?.Select(p => p.ToUpperInvariant()).Distinct().ToList());
        Strings(json, "claimStatus", filter.ClaimStatuses);
        json.WriteString("minReliability", filter.MinReliability);
        Number(json, "minKilled", filter.MinKilled);
        Strings(json, "killedSides", filter.KilledSides);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values.Order(StringComparer.Ordinal))
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }
}
