using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace EarlyWarning.Rules.Loading;

internal sealed partial class RuleFileParser
{
    private const double MaxRadiusKm = 500;

    private static readonly string[] CommonKeys =
        ["id", "title", "description", "kind", "where", "groupBy", "quietPeriod", "severity", "urgency", "certainty", "escalate", "inhibits"];

    private static readonly string[] Kinds = ["spread", "threshold", "single", "trend", "proximity", "sequence"];

    private static readonly Dictionary<string, string[]> KindKeys = new(StringComparer.Ordinal)
    {
        ["spread"] = ["window", "minIncidents", "minDistinct", "distinct"],
        ["threshold"] = ["window", "minIncidents"],
        ["single"] = [],
        ["trend"] = ["window", "baseline", "bucket", "ratio", "zScore", "minIncidents", "minBaseline"],
        ["proximity"] = ["radiusKm", "sites", "minGeoPrecision"],
        ["sequence"] = ["first", "then", "window"],
    };

    private static readonly string[] StepKeys = ["when", "severity"];
    private static readonly string[] MeasureKeys = ["incidents", "distinct", "killed", "ratio", "zscore"];
    private static readonly string[] GroupByValues = ["all", "province", "district"];
    private static readonly string[] DistinctValues = ["district", "province", "place", "type", "perpetrator"];
    private static readonly string[] GeoPrecisions = [GeoPrecision.Exact, GeoPrecision.Near];

    private static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromHours(12);
    private static readonly TimeSpan DefaultBucket = TimeSpan.FromDays(1);

    private ParsedRule? Rule(YamlNode node, int index)
    {
        if (node is not YamlMappingNode mapping)
        {
            _file.Error(node, $"rules[{index}]: expected a rule: a mapping with id, title, kind …, got {NodeReader.Describe(node)}");
            return null;
        }
        var before = errors.Count;
        var (fields, rule, id) = Named(mapping, $"rules[{index}]", "rule");

        var kind = fields.Require("kind") is { } kindNode ? rule.OneOf(kindNode, "kind", Kinds) : null;
        var isProximity = kind == "proximity";
        if (isProximity && fields.Key("groupBy") is { } groupByKey)
            rule.Error(groupByKey, "groupBy: a proximity rule always groups by site; remove groupBy");
        string[] allowed = kind is null
            ? [.. CommonKeys, .. KindKeys.Values.SelectMany(k => k).Distinct()]
            : [.. CommonKeys.Where(k => !(isProximity && k == "groupBy")), .. KindKeys[kind]];
        fields.RejectUnknown(allowed, kind is null ? null : $"a {kind} rule", isProximity ? ["groupBy"] : []);

        var title = fields.Require("title") is { } titleNode ? rule.Text(titleNode, "title") : null;
        var description = fields.Get("description") is { } descriptionNode ? rule.Text(descriptionNode, "description") : null;
        var where = fields.Get("where") is { } whereNode ? Filter(rule, whereNode, "where") : IncidentFilter.Any;
        var groupBy = isProximity ? GroupBy.Site : fields.Get("groupBy") is { } groupByNode ? GroupByOf(rule, groupByNode) : GroupBy.All;
        var quietPeriod = fields.Get("quietPeriod") is { } quietNode ? rule.Duration(quietNode, "quietPeriod") : DefaultQuietPeriod;
        var severity = fields.Require("severity") is { } severityNode ? rule.OneOf(severityNode, "severity", CapSeverity.All) : null;
        var urgency = fields.Require("urgency") is { } urgencyNode ? rule.OneOf(urgencyNode, "urgency", CapUrgency.All) : null;
        var certainty = fields.Require("certainty") is { } certaintyNode ? rule.OneOf(certaintyNode, "certainty", CapCertainty.All) : null;

        var sites = isProximity && fields.Get("sites") is { } sitesNode ? References(rule, sitesNode, "sites") : [];
        var pattern = kind is null ? null : Pattern(kind, fields, rule, sites);
        var steps = fields.Get("escalate") is { } escalateNode ? Steps(rule, escalateNode, kind, fields, severity) : [];
        var inhibits = fields.Get("inhibits") is { } inhibitsNode ? References(rule, inhibitsNode, "inhibits") : [];

        Rule? model = null;
        if (errors.Count == before && id is { } ruleId)
        {
            model = new Rule(
                ruleId.Id, title!, description, pattern!, where!, groupBy!.Value, quietPeriod!.Value,
                new Alerting(severity!, urgency!, certainty!, steps),
                inhibits.Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList(),
                Fingerprint: "",
                rule.At(mapping));
        }
        return new ParsedRule(rule.At(mapping), id, model, isProximity, inhibits, sites);
    }

    private RulePattern? Pattern(string kind, Fields fields, NodeReader rule, IReadOnlyList<Reference> sites)
    {
        var before = errors.Count;
        RulePattern? pattern = kind switch
        {
            "spread" => Spread(fields, rule),
            "threshold" => Threshold(fields, rule),
            "single" => new RulePattern.Single(),
            "trend" => Trend(fields, rule),
            "proximity" => Proximity(fields, rule, sites),
            _ => Sequence(fields, rule),
        };
        return errors.Count > before ? null : pattern;
    }

    private RulePattern.Spread? Spread(Fields fields, NodeReader rule)
    {
        var window = fields.Require("window") is { } w ? rule.Duration(w, "window") : null;
        var minIncidents = fields.Require("minIncidents") is { } m ? rule.Count(m, "minIncidents") : null;
        var minDistinctNode = fields.Require("minDistinct");
        var minDistinct = minDistinctNode is null ? null : rule.Count(minDistinctNode, "minDistinct");
        var distinct = fields.Get("distinct") is { } d ? DistinctOf(rule, d) : DistinctField.District;
        if (minDistinct > minIncidents)
            rule.Error(minDistinctNode!, $"minDistinct: {minDistinct} is more than minIncidents {minIncidents}: each distinct value takes an incident of its own");
        return window is null || minIncidents is null || minDistinct is null || distinct is null
            ? null
            : new RulePattern.Spread(window.Value, minIncidents.Value, minDistinct.Value, distinct.Value);
    }

    private static RulePattern.Threshold? Threshold(Fields fields, NodeReader rule)
    {
        var window = fields.Require("window") is { } w ? rule.Duration(w, "window") : null;
        var minIncidents = fields.Require("minIncidents") is { } m ? rule.Count(m, "minIncidents") : null;
        return window is null || minIncidents is null ? null : new RulePattern.Threshold(window.Value, minIncidents.Value);
    }

    private RulePattern.Trend? Trend(Fields fields, NodeReader rule)
    {
        var windowNode = fields.Require("window");
        var baselineNode = fields.Require("baseline");
        var window = windowNode is null ? null : rule.Duration(windowNode, "window");
        var baseline = baselineNode is null ? null : rule.Duration(baselineNode, "baseline");
        var bucket = fields.Get("bucket") is { } b ? rule.Duration(b, "bucket") : DefaultBucket;
        var ratio = fields.Get("ratio") is { } r ? rule.PositiveNumber(r, "ratio") : null;
        var zScore = fields.Get("zScore") is { } z ? rule.PositiveNumber(z, "zScore") : null;
        var minIncidents = fields.Get("minIncidents") is { } m ? rule.Count(m, "minIncidents") : 1;
        var minBaseline = fields.Get("minBaseline") is { } mb ? rule.Count(mb, "minBaseline") : 1;

        var byRatio = fields.Get("ratio") is not null;
        var byZScore = fields.Get("zScore") is not null;
        if (byRatio && byZScore)
            rule.Error(fields.Key("zScore")!, "zScore: give ratio or zScore, not both");
        else if (!byRatio && !byZScore)
            rule.Error(fields.Node, "missing required key 'ratio' or 'zScore'");

        if (window is { } wv && bucket is { } bv && wv.Ticks % bv.Ticks != 0)
            rule.Error(windowNode!, $"window: {Durations.Format(wv)} is not a multiple of bucket {Durations.Format(bv)}");
        if (baseline is { } basev && bucket is { } bucketv && basev.Ticks % bucketv.Ticks != 0)
            rule.Error(baselineNode!, $"baseline: {Durations.Format(basev)} is not a multiple of bucket {Durations.Format(bucketv)}");
        if (byZScore && window is { } zw && baseline is { } zb)
        {
            if (zb.Ticks % zw.Ticks != 0)
                rule.Error(baselineNode!, $"baseline: {Durations.Format(zb)} is not a multiple of window {Durations.Format(zw)}: the z-score compares the window with window-sized slices of the baseline");
            else if (zb.Ticks / zw.Ticks < 2)
                rule.Error(baselineNode!, $"baseline: {Durations.Format(zb)} is a single window of {Durations.Format(zw)}: a z-score needs at least two slices to measure their spread");
        }

        return window is null || baseline is null || bucket is null || minIncidents is null || minBaseline is null || (ratio is null && zScore is null)
            ? null
            : new RulePattern.Trend(window.Value, baseline.Value, bucket.Value, ratio, zScore, minIncidents.Value, minBaseline.Value);
    }

    private static RulePattern.Proximity? Proximity(Fields fields, NodeReader rule, IReadOnlyList<Reference> sites)
    {
        var radius = fields.Require("radiusKm") is { } r
            ? rule.NumberWhere(r, "radiusKm", v => v is > 0 and <= MaxRadiusKm, "a radius in km greater than 0 and at most 500")
            : null;
        var precision = fields.Get("minGeoPrecision") is { } p ? rule.OneOf(p, "minGeoPrecision", GeoPrecisions) : GeoPrecision.Near;
        return radius is null || precision is null
            ? null
            : new RulePattern.Proximity(radius.Value, sites.Select(s => s.Id).Distinct(StringComparer.Ordinal).ToList(), precision);
    }

    private RulePattern.Sequence? Sequence(Fields fields, NodeReader rule)
    {
        var first = fields.Require("first") is { } f ? Filter(rule, f, "first") : null;
        var then = fields.Require("then") is { } t ? Filter(rule, t, "then") : null;
        var window = fields.Require("window") is { } w ? rule.Duration(w, "window") : null;
        return first is null || then is null || window is null ? null : new RulePattern.Sequence(first, then, window.Value);
    }

    private static List<SeverityStep> Steps(NodeReader rule, YamlNode node, string? kind, Fields ruleFields, string? severity)
    {
        if (node is not YamlSequenceNode sequence)
        {
            rule.Error(node, $"escalate: expected a list of steps like - {{ when: {{ incidents: 5 }}, severity: Severe }}, got {NodeReader.Describe(node)}");
            return [];
        }
        var steps = new List<SeverityStep>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"escalate[{i}]";
            if (rule.Mapping(sequence.Children[i], path, "a step: a mapping with when and severity") is not { } fields)
                continue;
            fields.RejectUnknown(StepKeys);
            var when = fields.Require("when") is { } whenNode ? When(rule, whenNode, $"{path}.when", kind, ruleFields) : null;
            var severityNode = fields.Require("severity");
            var stepSeverity = severityNode is null ? null : rule.OneOf(severityNode, $"{path}.severity", CapSeverity.All);
            if (stepSeverity is not null && severity is not null && CapSeverity.Rank(stepSeverity) <= CapSeverity.Rank(severity))
                rule.Error(severityNode!, $"{path}.severity: {stepSeverity} does not raise the rule's severity {severity}");
            else if (when is { } w && stepSeverity is not null)
                steps.Add(new SeverityStep(w.Measure, w.AtLeast, stepSeverity));
        }
        return steps;
    }

    private static (Measure Measure, double AtLeast)? When(NodeReader rule, YamlNode node, string path, string? kind, Fields ruleFields)
    {
        if (rule.Mapping(node, path, "a mapping with one measure, e.g. { incidents: 5 }") is not { } fields)
            return null;
        fields.RejectUnknown(MeasureKeys);
        var given = fields.Node.Children.Keys.OfType<YamlScalarNode>().Where(k => MeasureKeys.Contains(k.Value, StringComparer.Ordinal)).ToList();
        if (given.Count == 0)
        {
            // Keys that are there but unknown have been reported with the measures allowed.
            if (fields.Node.Children.Count == 0)
                rule.Error(node, $"{path}: expected one measure of {string.Join(", ", MeasureKeys)}");
            return null;
        }
        if (given.Count > 1)
        {
            rule.Error(given[1], $"{path}: one measure per step, but '{given[0].Value}' and '{given[1].Value}' are given; make two steps");
            return null;
        }

        var key = given[0].Value!;
        var value = fields.Get(key)!;
        var measure = key switch
        {
            "incidents" => Measure.Incidents,
            "distinct" => Measure.Distinct,
            "killed" => Measure.Killed,
            "ratio" => Measure.Ratio,
            _ => Measure.ZScore,
        };
        if (measure is Measure.Ratio or Measure.ZScore)
        {
            var trendKey = measure == Measure.Ratio ? "ratio" : "zScore";
            if (kind is not null && kind != "trend")
                rule.Error(given[0], $"{path}.{key}: only trend rules measure {key}; a {kind} rule can escalate on incidents, distinct or killed");
            else if (kind == "trend" && ruleFields.Get(trendKey) is null)
                rule.Error(given[0], $"{path}.{key}: this trend rule has no {trendKey}, so it does not measure {key}");
            return rule.PositiveNumber(value, $"{path}.{key}") is { } number ? (measure, number) : null;
        }
        return rule.Count(value, $"{path}.{key}") is { } count ? (measure, count) : null;
    }

    private static List<Reference> References(NodeReader rule, YamlNode node, string path) =>
        rule.Items(node, path) is { } items ? items.Select(i => new Reference(i.Value!.Trim(), rule.At(i))).ToList() : [];

    private static GroupBy? GroupByOf(NodeReader rule, YamlNode node) => rule.OneOf(node, "groupBy", GroupByValues) switch
    {
        "all" => GroupBy.All,
        "province" => GroupBy.Province,
        "district" => GroupBy.District,
        _ => null,
    };

    private static DistinctField? DistinctOf(NodeReader rule, YamlNode node) => rule.OneOf(node, "distinct", DistinctValues) switch
    {
        "district" => DistinctField.District,
        "province" => DistinctField.Province,
        "place" => DistinctField.Place,
        "type" => DistinctField.IncidentType,
        "perpetrator" => DistinctField.Perpetrator,
        _ => null,
    };
}
