using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Partners.Entitlements;

namespace EarlyWarning.Partners.Channels;

/// <summary>
/// The RabbitMQ names of one partner, shared by the relay that publishes and by <c>ew partners provision</c>, which
/// creates the partner's user: a topic exchange of its own that only the relay writes to (so the body can be redacted
/// for this partner and a radius can be honoured exactly), a quorum queue bound to it by the routing keys of the
/// entitlement, and a user whose permissions match its own names only. Partner names have no dots, so no partner's
/// pattern can match another partner's names.
/// </summary>
public sealed class PartnerTopology
{
    public const string Prefix = "ew.partner.";

    /// <summary>The routing-key word for what has no value: an incident's severity, a warning with no single district.</summary>
    public const string None = "none";

    /// <summary>The routing-key province of a countrywide warning seen by a partner entitled to every province.</summary>
    public const string National = "national";

    public PartnerTopology(string partnerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnerName);
        if (partnerName.Contains('.', StringComparison.Ordinal))
            throw new ArgumentException($"Partner name '{partnerName}' has a dot; its RabbitMQ names would overlap another partner's.", nameof(partnerName));
        PartnerName = partnerName;
    }

    public string PartnerName { get; }

    /// <summary>The partner's topic exchange: <c>ew.partner.{name}</c>. The relay publishes there, and only there.</summary>
    public string Exchange => Prefix + PartnerName;

    /// <summary>The partner's queue: <c>ew.partner.{name}.events</c>, quorum, durable.</summary>
    public string Queue => Exchange + ".events";

    /// <summary>The partner's RabbitMQ user: <c>ew-partner-{name}</c>.</summary>
    public string User => "ew-partner-" + PartnerName;

    /// <summary>
    /// RabbitMQ permission patterns (configure, write, read) for <see cref="User"/>: it may declare and bind queues named
    /// <c>ew.partner.{name}.…</c> and read its own exchange and queues; nothing else, and it can publish nowhere.
    /// </summary>
    public (string Configure, string Write, string Read) Permissions
    {
        get
        {
            var own = "^" + Regex.Escape(Exchange);
            return (own + @"\..+$", own + @"\..+$", own + @"(\..+)?$");
        }
    }

    /// <summary><c>incident.{province}.{district}.none</c>.</summary>
    public static string IncidentRoutingKey(string provinceId, string districtId) =>
        string.Join('.', EventKinds.Incident, Word(provinceId), Word(districtId), None);

    /// <summary>
    /// <c>warning.{province}.{district}.{severity}</c> as this partner sees the warning. A warning over the whole
    /// country has no province of its own; for a partner it takes the first entitled province among its incidents
    /// (the province through which the entitlement admitted it), so the partner's bindings route it.
    /// </summary>
    public static string WarningRoutingKey(WarningSnapshot warning, Entitlement entitlement)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(entitlement);
        var province = warning.ProvinceId
            ?? warning.Incidents.Select(i => i.ProvinceId).FirstOrDefault(p => entitlement.Provinces.Contains(p, StringComparer.OrdinalIgnoreCase))
            ?? National;
        var district = warning.DistrictIds is [var only] ? only : None;
        return string.Join('.', EventKinds.Warning, Word(province), Word(district), Word(warning.Severity));
    }

    /// <summary>
    /// The binding keys of the partner's queue: for each entitled kind and province (<c>*</c> for any), incidents of
    /// every district, and warnings of every severity from the minimum up.
    /// </summary>
    public static IReadOnlyList<string> BindingKeys(Entitlement entitlement)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        var provinces = entitlement.Provinces.Count == 0 ? ["*"] : entitlement.Provinces.Select(Word).ToList();
        var keys = new List<string>();
        foreach (var province in provinces)
        {
            if (entitlement.Kinds.Contains(EventKinds.Incidents))
                keys.Add($"{EventKinds.Incident}.{province}.#");
            if (!entitlement.Kinds.Contains(EventKinds.Warnings))
                continue;
            if (entitlement.MinimumSeverity is null)
                keys.Add($"{EventKinds.Warning}.{province}.#");
            else
                keys.AddRange(CapSeverity.All
                    .Where(s => CapSeverity.Rank(s) >= CapSeverity.Rank(entitlement.MinimumSeverity))
                    .Select(s => $"{EventKinds.Warning}.{province}.*.{Word(s)}"));
        }
        return keys;
    }

    // Routing-key words are lower case and never hold a dot (ids are kebab-case; severities are single words).
    private static string Word(string value) => value.Replace('.', '-').ToLowerInvariant();
}
