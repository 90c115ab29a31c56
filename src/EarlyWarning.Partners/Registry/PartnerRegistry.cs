using System.Globalization;
using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Gazetteer;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Partners.Registry;

/// <summary>
/// The partners of the <c>Partners</c> section, each with the SHA-256 of its key and its entitlement. Every mistake
/// stops the service at start with the setting's path, rather than showing a partner more, or less, than agreed.
/// </summary>
public sealed partial class PartnerRegistry
{
    public const string Section = "Partners";

    private readonly Dictionary<string, Partner> _byName;

    public PartnerRegistry(IEnumerable<Partner> partners) =>
        _byName = partners.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<Partner> Partners => _byName.Values;

    /// <summary>The partner an authenticated caller is, or null when the caller's key is not a partner's.</summary>
    public Partner? Find(ApiCaller caller) =>
        caller is not null && caller.Has(ApiScopes.Partner) && _byName.TryGetValue(caller.Name, out var partner) ? partner : null;

    /// <summary>Reads and validates <c>Partners</c>; returns the registry and the keys to accept (partner scope).</summary>
    /// <exception cref="ArgumentException">A setting is missing or malformed; the message names its path.</exception>
    public static (PartnerRegistry Registry, IReadOnlyList<ApiKeyEntry> Keys) From(IConfiguration configuration, Gazetteer.Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var partners = new List<Partner>();
        var keys = new List<ApiKeyEntry>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var (partner, key) = Read(section, gazetteer);
            if (partners.Exists(p => p.Name.Equals(partner.Name, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"{section.Path}:Name '{partner.Name}' is used by another partner; names must be unique (case does not count).");
            if (keys.Exists(k => k.Sha256 == key.Sha256))
                throw new ArgumentException($"{section.Path}:KeySha256 is the hash of another partner's key; every partner needs a key of its own.");
            partners.Add(partner);
            keys.Add(key);
        }
        return (new PartnerRegistry(partners), keys);
    }

    private static (Partner, ApiKeyEntry) Read(IConfigurationSection section, Gazetteer.Gazetteer gazetteer)
    {
        var name = section["Name"]?.Trim();
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
            throw new ArgumentException($"{section.Path}:Name '{name}' must be 1 to 64 letters, digits, '_' or '-' (it names the partner's key, queue and user; a dot would let one partner's RabbitMQ permissions match another's queues).");
        var where = $"{section.Path} ('{name}')";
        var hash = section["KeySha256"]?.Trim().ToLowerInvariant();
        if (hash is not { Length: 64 } || !hash.All(Uri.IsHexDigit))
            throw new ArgumentException($"{where}:KeySha256 must be the 64 hex digits of the key's SHA-256 (e.g. `printf %s KEY | sha256sum`).");

        var provinces = List(section, "Provinces", where);
        foreach (var province in provinces.Where(p => gazetteer.Provinces.All(known => known.Id != p)))
            throw new ArgumentException($"{where}:Provinces '{province}' is not a province id of the gazetteer: use one of {string.Join(", ", gazetteer.Provinces.Select(p => p.Id))}.");
        var area = Area(section.GetSection("Point"), where);
        if (provinces.Count == 0 && area is null)
            throw new ArgumentException($"{where}: an entitlement needs Provinces, a Point, or both; a partner is never entitled to everything by omission.");

        var kinds = List(section, "Kinds", where);
        if (kinds.Count == 0 || kinds.Any(k => !EventKinds.All.Contains(k)))
            throw new ArgumentException($"{where}:Kinds must list {string.Join(" and/or ", EventKinds.All)}{(kinds.Count == 0 ? "" : $", not '{string.Join(", ", kinds)}'")}.");

        var minimum = section["MinimumSeverity"] is { Length: > 0 } m ? m.Trim() : null;
        if (minimum is not null && !CapSeverity.All.Contains(minimum, StringComparer.Ordinal))
            throw new ArgumentException($"{where}:MinimumSeverity '{minimum}' is not a CAP severity: use one of {string.Join(", ", CapSeverity.All)}.");

        var allowSection = section.GetSection("Allow");
        var allow = new Allow(Flag(allowSection, "SourceIdentities", where), Flag(allowSection, "Notes", where));
        var entitlement = new Entitlement(provinces, area, kinds.Distinct().ToList(), minimum, allow);
        return (new Partner(name, entitlement, PartnerWebhook.Read(section.GetSection("Webhook"), where)), new ApiKeyEntry(name, hash, [ApiScopes.Partner]));
    }

    private static EntitlementArea? Area(IConfigurationSection section, string where)
    {
        if (!section.Exists())
            return null;
        var latitude = Number(section, "Latitude", -90, 90, where);
        var longitude = Number(section, "Longitude", -180, 180, where);
        var radius = Number(section, "RadiusKm", 0.1, 2000, where);
        return new EntitlementArea(new GeoPoint(latitude, longitude), radius);
    }

    private static double Number(IConfigurationSection section, string key, double min, double max, string where)
    {
        var text = section[key];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{where}:Point:{key} '{text}' must be a number from {min} to {max}.");
        return value;
    }

    private static bool Flag(IConfigurationSection section, string key, string where)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return false;
        return bool.TryParse(text, out var value) ? value : throw new ArgumentException($"{where}:Allow:{key} '{text}' must be true or false.");
    }

    private static List<string> List(IConfigurationSection section, string key, string where)
    {
        var values = section.GetSection(key).GetChildren().Select(v => v.Value?.Trim() ?? "").ToList();
        if (values.Any(string.IsNullOrEmpty))
            throw new ArgumentException($"{where}:{key} has an empty entry.");
        return values;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
