namespace EarlyWarning.ServiceDefaults.Security;

/// <summary>Who presented a valid key, and what it allows.</summary>
public sealed record ApiCaller(string Name, IReadOnlySet<string> Scopes)
{
    public bool Has(string scope) => Scopes.Contains(scope);
}
