namespace EarlyWarning.ServiceDefaults.Security;

/// <summary>What an API key may do (DESIGN §8).</summary>
public static class ApiScopes
{
    /// <summary>Reports incidents.</summary>
    public const string Source = "source";

    /// <summary>Works a SOC: acknowledges warnings, silences rules, sees dead deliveries.</summary>
    public const string Operator = "operator";

    /// <summary>A partner system reading its entitlement.</summary>
    public const string Partner = "partner";

    /// <summary>Registers partners and keys.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Source, Operator, Partner, Admin };
}
