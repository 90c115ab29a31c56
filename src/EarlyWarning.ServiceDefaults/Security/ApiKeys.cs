using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.ServiceDefaults.Security;

/// <summary>
/// The API keys a service accepts, from the <c>Auth:Keys</c> section (a list of <see cref="ApiKeyEntry"/>).
/// A key arrives as <c>Authorization: Bearer {key}</c> or <c>X-Api-Key: {key}</c>; it is hashed and compared
/// with the stored hashes in constant time.
/// </summary>
public sealed class ApiKeys
{
    public const string Section = "Auth:Keys";
    public const string HeaderName = "X-Api-Key";

    private readonly List<(byte[] Hash, ApiCaller Caller)> _keys = [];
    private readonly Lock _lock = new();

    public ApiKeys(IEnumerable<ApiKeyEntry> entries)
    {
        foreach (var entry in entries)
            Add(entry);
    }

    /// <summary>Reads <c>Auth:Keys</c>; a malformed entry stops the service with the reason.</summary>
    /// <exception cref="ArgumentException">An entry lacks a name, a 64-digit hex hash, or names an unknown scope.</exception>
    public static ApiKeys From(IConfiguration configuration)
    {
        var entries = new List<ApiKeyEntry>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var scopes = section.GetSection("Scopes").GetChildren().Select(s => s.Value ?? "").ToList();
            entries.Add(new ApiKeyEntry(section["Name"] ?? "", section["Sha256"] ?? "", scopes));
        }
        return new ApiKeys(entries);
    }

    public bool IsEmpty
    {
        get
        {
            lock (_lock)
                return _keys.Count == 0;
        }
    }

    public bool Any(string scope)
    {
        lock (_lock)
            return _keys.Exists(k => k.Caller.Has(scope));
    }

    /// <summary>The names of the keys held, each once: who may call (the Host's generated operator key included).</summary>
    public IReadOnlySet<string> Names
    {
        get
        {
            lock (_lock)
                return _keys.Select(k => k.Caller.Name).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <exception cref="ArgumentException">The entry is malformed.</exception>
    public void Add(ApiKeyEntry entry)
    {
        var key = Checked(entry);
        lock (_lock)
            _keys.Add(key);
    }

    /// <summary>
    /// Puts <paramref name="entry"/> in place of every key of its name in one step, so no request sees both the old
    /// key and the new one, or neither (a partner's key rotated at runtime).
    /// </summary>
    /// <exception cref="ArgumentException">The entry is malformed; nothing changes.</exception>
    public void Replace(ApiKeyEntry entry)
    {
        var key = Checked(entry);
        lock (_lock)
        {
            _keys.RemoveAll(k => k.Caller.Name == entry.Name);
            _keys.Add(key);
        }
    }

    /// <summary>Stops accepting every key named <paramref name="name"/>; returns whether there was one.</summary>
    public bool Remove(string name)
    {
        lock (_lock)
            return _keys.RemoveAll(k => k.Caller.Name == name) > 0;
    }

    private static (byte[] Hash, ApiCaller Caller) Checked(ApiKeyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var where = $"{Section}: key '{entry.Name}'";
        if (string.IsNullOrWhiteSpace(entry.Name))
            throw new ArgumentException($"{Section}: every key needs a Name.");
        if (entry.Sha256 is not { Length: 64 } || !entry.Sha256.All(Uri.IsHexDigit))
            throw new ArgumentException($"{where}: Sha256 must be the 64 hex digits of the key's SHA-256 (e.g. `printf %s KEY | sha256sum`).");
        var unknown = entry.Scopes.Where(s => !ApiScopes.All.Contains(s)).ToList();
        if (entry.Scopes.Count == 0 || unknown.Count > 0)
            throw new ArgumentException($"{where}: Scopes must list one or more of {string.Join(", ", ApiScopes.All)}{(unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "")}.");
        return (Convert.FromHexString(entry.Sha256), new ApiCaller(entry.Name, new HashSet<string>(entry.Scopes, StringComparer.Ordinal)));
    }

    /// <summary>Creates a random key with the given scopes, keeps only its hash, and returns the key once.</summary>
    public string Generate(string name, params string[] scopes)
    {
        var key = NewKey();
        Add(new ApiKeyEntry(name, Hash(key), scopes));
        return key;
    }

    /// <summary>A new random key (192 bits), not yet accepted: its holder keeps it, the service keeps its <see cref="Hash"/>.</summary>
    public static string NewKey() => "ew_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The caller a request's key belongs to, or null when it presents none or an unknown one.</summary>
    public ApiCaller? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = Presented(request);
        if (string.IsNullOrEmpty(presented))
            return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        lock (_lock)
        {
            ApiCaller? found = null;
            // Every stored hash is compared, so the time taken says nothing about which one matched.
            foreach (var (stored, caller) in _keys)
                if (CryptographicOperations.FixedTimeEquals(stored, hash))
                    found = caller;
            return found;
        }
    }

    /// <summary>Whether the request presents a key at all (to tell "no key" from "unknown key").</summary>
    public static bool PresentsKey(HttpRequest request) => !string.IsNullOrEmpty(Presented(request));

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrEmpty(header))
            return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
