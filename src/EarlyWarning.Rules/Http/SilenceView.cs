namespace EarlyWarning.Rules.Http;

/// <summary>A silence as the API shows it.</summary>
/// <param name="SilenceId">Its id: <c>/api/silences/{SilenceId}</c>.</param>
/// <param name="RuleId">The rule it mutes, or null for every rule.</param>
/// <param name="ProvinceId">The province whose warnings it mutes, or null for all.</param>
/// <param name="Province">That province's name.</param>
/// <param name="DistrictId">The district whose warnings it mutes, or null for all.</param>
/// <param name="District">That district's name.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="Reason">Why.</param>
/// <param name="CreatedBy">Who added it.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="Status"><c>active</c>, <c>removed</c> or <c>expired</c>.</param>
/// <param name="RemovedBy">Who removed it, when someone did.</param>
/// <param name="RemovedAt">When it was removed.</param>
internal sealed record SilenceView(
    string SilenceId,
    string? RuleId,
    string? ProvinceId,
    string? Province,
    string? DistrictId,
    string? District,
    DateTimeOffset EndsAt,
    string Reason,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string Status,
    string? RemovedBy,
    DateTimeOffset? RemovedAt)
{
    public static SilenceView From(SilenceRecord record, DateTimeOffset now, Gazetteer.Gazetteer gazetteer)
    {
        var added = record.Added;
        var province = added.ProvinceId is null ? null : gazetteer.Provinces.FirstOrDefault(p => p.Id == added.ProvinceId);
        var district = added.DistrictId is null ? null : gazetteer.FindDistrictById(added.DistrictId);
        return new SilenceView(
            added.SilenceId, added.RuleId, added.ProvinceId, province?.Name, added.DistrictId, district?.Name, added.EndsAt, added.Reason, added.CreatedBy,
            record.CreatedAt, record.StatusAt(now), record.RemovedBy, record.RemovedAt);
    }
}
