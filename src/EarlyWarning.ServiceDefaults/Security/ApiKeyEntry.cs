namespace EarlyWarning.ServiceDefaults.Security;

/// <summary>One configured key: only the SHA-256 of the key is kept, so configuration never holds a usable secret.</summary>
/// <param name="Name">Who holds the key; recorded as the author of what they do (e.g. <c>WarningAcknowledged.By</c>).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the key's UTF-8 text.</param>
/// <param name="Scopes">What it may do: <see cref="ApiScopes"/>.</param>
public sealed record ApiKeyEntry(string Name, string Sha256, IReadOnlyList<string> Scopes);
