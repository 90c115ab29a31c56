using EarlyWarning.Contracts.Partners;
using EarlyWarning.ServiceDefaults.Security;

namespace EarlyWarning.Partners.Registry;

public sealed partial class PartnerRegistry
{
    private readonly Dictionary<string, long> _revisions = new(PartnerNames.Comparer);
    private ApiKeys? _keys;

    /// <summary>Partners registered through the API get their keys accepted, replaced and refused in <paramref name="keys"/>.</summary>
    internal void Use(ApiKeys keys) => _keys = keys;

    /// <summary>
    /// Folds one event of a <c>partner-{name}</c> stream at its stream revision; an event already folded (the
    /// instance that appended it applies it at once, then reads it again from the store) changes nothing. Returns
    /// why a registration was ignored, or null.
    /// </summary>
    internal string? Apply(object? @event, long revision)
    {
        var name = @event switch
        {
            PartnerRegistered e => e.Name,
            PartnerKeyRotated e => e.Name,
            PartnerRemoved e => e.Name,
            _ => null,
        };
        if (name is null)
            return null;
        PartnerChangedEventArgs? change = null;
        string? ignored = null;
        lock (_lock)
        {
            if (_revisions.TryGetValue(name, out var applied) && revision <= applied)
                return null;
            _revisions[name] = revision;
            var records = new Dictionary<string, PartnerRecord>(_records, PartnerNames.Comparer);
            var current = records.TryGetValue(name, out var found) && found.Origin == PartnerRecord.Api ? found : null;
            switch (@event)
            {
                case PartnerRegistered registered when _configured.ContainsKey(name):
                    ignored = $"Partner '{registered.Name}' registered through the API is ignored: a partner of the same name is configured under '{Section}', and configuration wins.";
                    break;
                case PartnerRegistered registered when current is null && KeyNamed(name):
                    ignored = $"Partner '{registered.Name}' registered through the API is ignored: an API key of that name is configured, and a key's name is who calls.";
                    break;
                case PartnerRegistered registered:
                    var partner = new Partner(registered.Name, RecordedEntitlement.ToEntitlement(registered.Entitlement));
                    if (current is not null)
                        _keys?.Remove(current.Partner.Name);
                    _keys?.Replace(new ApiKeyEntry(registered.Name, registered.KeySha256, [ApiScopes.Partner]));
                    records[name] = new PartnerRecord(partner, PartnerRecord.Api, registered.RegisteredBy, registered.RegisteredAt);
                    change = new PartnerChangedEventArgs(registered.Name, partner);
                    break;
                case PartnerKeyRotated rotated when current is not null:
                    _keys?.Replace(new ApiKeyEntry(current.Partner.Name, rotated.KeySha256, [ApiScopes.Partner]));
                    records[name] = current with { KeyRotatedBy = rotated.RotatedBy, KeyRotatedAt = rotated.RotatedAt };
                    change = new PartnerChangedEventArgs(current.Partner.Name, current.Partner);
                    break;
                case PartnerRemoved when current is not null:
                    _keys?.Remove(current.Partner.Name);
                    records.Remove(name);
                    change = new PartnerChangedEventArgs(current.Partner.Name, null);
                    break;
            }
            if (change is not null)
            {
                Volatile.Write(ref _records, records);
                Volatile.Write(ref _partners, [.. records.Values.Select(r => r.Partner)]);
            }
        }
        if (change is not null)
            Changed?.Invoke(this, change);
        return ignored;
    }

    /// <summary>Whether a key that is not a partner's has this name (under <c>Auth:Keys</c>, or the host's generated operator key).</summary>
    internal bool KeyNamed(string name)
    {
        var partners = Volatile.Read(ref _records);
        return _keys is { } keys && keys.Names.Any(n => PartnerNames.Same(n, name) && !partners.ContainsKey(n));
    }
}
