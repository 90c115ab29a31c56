using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Http;

/// <summary>One rule of the set in force, as <c>GET /api/rules</c> lists it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">For people.</param>
/// <param name="Kind">spread, threshold, single, trend, proximity or sequence.</param>
/// <param name="GroupBy">all, province, district or site.</param>
/// <param name="Severity">CAP severity when it first holds.</param>
/// <param name="Urgency">CAP urgency.</param>
/// <param name="Certainty">CAP certainty.</param>
internal sealed record RuleView(string Id, string Title, string Kind, string GroupBy, string Severity, string Urgency, string Certainty)
{
    public static RuleView From(Rule rule) => new(
        rule.Id, rule.Title, rule.Kind, Name(rule.GroupBy), rule.Alerting.Severity, rule.Alerting.Urgency, rule.Alerting.Certainty);

    private static string Name(GroupBy groupBy) => groupBy switch
    {
        Model.GroupBy.All => "all",
        Model.GroupBy.Province => "province",
        Model.GroupBy.District => "district",
        Model.GroupBy.Site => "site",
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, null),
    };
}
