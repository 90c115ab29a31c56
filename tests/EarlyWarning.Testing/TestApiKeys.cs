using EarlyWarning.ServiceDefaults.Security;

namespace EarlyWarning.Testing;

/// <summary>The keys the in-process test apps accept: an operator's, and a source's that lacks the operator scope.</summary>
public static class TestApiKeys
{
    public const string Operator = "ew_test_operator_key";
    public const string Source = "ew_test_source_key";
    public const string SourceName = "police-kech";

    /// <summary>The <c>Auth:Keys</c> configuration of both keys, the operator's under <paramref name="operatorName"/>.</summary>
    public static Dictionary<string, string?> Settings(string operatorName) => new()
    {
        ["Auth:Keys:0:Name"] = operatorName,
        ["Auth:Keys:0:Sha256"] = ApiKeys.Hash(Operator),
        ["Auth:Keys:0:Scopes:0"] = ApiScopes.Operator,
        ["Auth:Keys:1:Name"] = SourceName,
        ["Auth:Keys:1:Sha256"] = ApiKeys.Hash(Source),
        ["Auth:Keys:1:Scopes:0"] = ApiScopes.Source,
    };
}
