using System.Globalization;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Partners.Registry;

/// <summary>
/// Every partner: those of the <c>Partners</c> section, each with the SHA-256 of its key and its entitlement, and
/// those an administrator registered through the API, folded from their <c>partner-{name}</c> streams and followed
/// live (<see cref="PartnerRegistryFollower"/>). A configuration mistake stops the service at start with the
/// setting's path, rather than showing a partner more, or less, than agreed. Readers get a snapshot: a change
/// replaces it whole, so a reader never sees a partner half changed.
/// </summary>
public sealed partial class PartnerRegistry
{
    public const string Section = "Partners";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, PartnerRecord> _configured;
    private Dictionary<string, PartnerRecord> _records;
    private IReadOnlyList<Partner> _partners;

    /// <summary>A registry of configured partners; <see cref="PartnersExtensions.AddPartners"/> adds the live ones.</summary>
    public PartnerRegistry(IEnumerable<Partner> partners)
    {
        _configured = partners.ToDictionary(p => p.Name, p => new PartnerRecord(p, PartnerRecord.Configuration), PartnerNames.Comparer);
        _records = new Dictionary<string, PartnerRecord>(_configured, PartnerNames.Comparer);
        _partners = [.. _records.Values.Select(r => r.Partner)];
    }

    /// <summary>Every partner now; each read is a fresh snapshot, safe to enumerate while partners change.</summary>
    public IReadOnlyCollection<Partner> Partners => Volatile.Read(ref _partners);

    /// <summary>A partner was registered, given a new key or removed (raised after the change, outside any lock).</summary>
    public event EventHandler<PartnerChangedEventArgs>? Changed;

    /// <summary>The partner an authenticated caller is, or null when the caller's key is not a partner's.</summary>
    public Partner? Find(ApiCaller caller) =>
        caller is not null && caller.Has(ApiScopes.Partner) ? Find(caller.Name) : null;

    /// <summary>The partner of that name (case does not count), or null.</summary>
    public Partner? Find(string name) => Record(name)?.Partner;

    internal PartnerRecord? Record(string name) =>
        name is not null && Volatile.Read(ref _records).TryGetValue(name, out var record) ? record : null;

    internal IReadOnlyCollection<PartnerRecord> Records => Volatile.Read(ref _records).Values;

    /// <summary>Reads and validates <c>Partners</c>; returns the registry and the keys to accept (partner scope).</summary>
    /// <exception cref="ArgumentException">A setting is missing or malformed, or a name is also a key's under <c>Auth:Keys</c>; the message names its path.</exception>
    public static (PartnerRegistry Registry, IReadOnlyList<ApiKeyEntry> Keys) From(IConfiguration configuration, Gazetteer.Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var keyNames = configuration.GetSection(ApiKeys.Section).GetChildren().Select(k => (k.Path, Name: k["Name"]?.Trim() ?? "")).ToList();
        var partners = new List<Partner>();
        var keys = new List<ApiKeyEntry>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var (partner, key) = Read(section, gazetteer);
            if (partners.Exists(p => PartnerNames.Same(p.Name, partner.Name)))
                throw new ArgumentException($"{section.Path}:Name '{partner.Name}' is used by another partner; names must be unique (case does not count).");
            if (keyNames.FirstOrDefault(k => PartnerNames.Same(k.Name, partner.Name)) is { Path: { } keyPath })
                throw new ArgumentException($"{section.Path}:Name '{partner.Name}' is also the name of the key {keyPath}; a key's name is who calls, so a partner needs a name no other key has.");
            if (keys.Exists(k => k.Sha256 == key.Sha256))
                throw new ArgumentException($"{section.Path}:KeySha256 is the hash of another partner's key; every partner needs a key of its own.");
            partners.Add(partner);
            keys.Add(key);
        }
        return (new PartnerRegistry(partners), keys);
    }

    /// <summary>
    /// One <c>Partners</c> entry, read into <see cref="PartnerTerms"/> and checked by <see cref="PartnerTermsValidator"/>,
    /// as the admin API's body is; what only configuration has (the key's hash, the webhook) is checked here.
    /// </summary>
    private static (Partner, ApiKeyEntry) Read(IConfigurationSection section, Gazetteer.Gazetteer gazetteer)
    {
        var errors = new List<FieldError>();
        var allowSection = section.GetSection("Allow");
        var terms = new PartnerTerms(
            section["Name"],
            List(section, "Provinces"),
            Point(section.GetSection("Point"), errors),
            List(section, "Kinds"),
            section["MinimumSeverity"] is { Length: > 0 } m ? m : null,
            new PartnerAllowTerms(Flag(allowSection, "SourceIdentities", "allow.sourceIdentities", errors), Flag(allowSection, "Notes", "allow.notes", errors)));
        var (partner, checks) = PartnerTermsValidator.Validate(terms, gazetteer);
        // A value configuration could not even parse is reported once, as the parse error.
        errors.AddRange(checks.Where(c => !errors.Exists(e => e.Field == c.Field)));
        var hash = section["KeySha256"]?.Trim().ToLowerInvariant();
        if (hash is not { Length: 64 } || !hash.All(Uri.IsHexDigit))
            errors.Add(new FieldError("keySha256", "must be the 64 hex digits of the key's SHA-256 (e.g. `printf %s KEY | sha256sum`)."));

        var name = section["Name"]?.Trim();
        var where = errors.Exists(e => e.Field == "name") ? section.Path : $"{section.Path} ('{name}')";
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(" ", errors.Select(e => $"{where}:{SettingPath(e.Field)} {e.Message}")));
        return (partner! with { Webhook = PartnerWebhook.Read(section.GetSection("Webhook"), where) }, new ApiKeyEntry(partner!.Name, hash!, [ApiScopes.Partner]));
    }

    /// <summary><c>point.radiusKm</c> as configuration writes it: <c>Point:RadiusKm</c>.</summary>
    private static string SettingPath(string field) =>
        string.Join(':', field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    private static PartnerPointTerms? Point(IConfigurationSection section, List<FieldError> errors) =>
        section.Exists()
            ? new PartnerPointTerms(
                Number(section, "Latitude", "point.latitude", errors),
                Number(section, "Longitude", "point.longitude", errors),
                Number(section, "RadiusKm", "point.radiusKm", errors))
            : null;

    private static double? Number(IConfigurationSection section, string key, string field, List<FieldError> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        errors.Add(new FieldError(field, $"'{text}' is not a number."));
        return null;
    }

    private static bool? Flag(IConfigurationSection section, string key, string field, List<FieldError> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (bool.TryParse(text, out var value))
            return value;
        errors.Add(new FieldError(field, $"'{text}' must be true or false."));
        return null;
    }

    private static List<string?> List(IConfigurationSection section, string key) =>
        section.GetSection(key).GetChildren().Select(v => v.Value).ToList<string?>();
}
