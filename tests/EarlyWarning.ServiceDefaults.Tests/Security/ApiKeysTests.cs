using Xunit;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.ServiceDefaults.Tests.Security;

public sealed class ApiKeysTests
{
    private const string Key = "ew_0123456789";

    [Fact]
    public void A_configured_key_authenticates_by_its_hash_from_either_header_and_carries_its_name_and_scopes()
    {
        var keys = ApiKeys.From(Configuration(("duty-officer", ApiKeys.Hash(Key), ["operator", "admin"])));

        var byHeader = keys.Authenticate(Request((ApiKeys.HeaderName, Key)));
        var byBearer = keys.Authenticate(Request(("Authorization", "Bearer " + Key)));

        Assert.Equal("duty-officer", byHeader!.Name);
        Assert.True(byHeader.Has(ApiScopes.Operator) && byHeader.Has(ApiScopes.Admin) && !byHeader.Has(ApiScopes.Partner));
        Assert.Equal("duty-officer", byBearer!.Name);
    }

    [Fact]
    public void No_key_a_wrong_key_or_another_scheme_authenticates_nobody()
    {
        var keys = ApiKeys.From(Configuration(("duty-officer", ApiKeys.Hash(Key), ["operator"])));

        Assert.Null(keys.Authenticate(Request()));
        Assert.Null(keys.Authenticate(Request((ApiKeys.HeaderName, Key + "x"))));
        Assert.Null(keys.Authenticate(Request(("Authorization", "Basic " + Key))));
        Assert.False(ApiKeys.PresentsKey(Request()));
        Assert.True(ApiKeys.PresentsKey(Request((ApiKeys.HeaderName, "anything"))));
    }

    [Fact]
    public void A_generated_key_works_once_shown_and_only_its_hash_is_kept()
    {
        var keys = new ApiKeys([]);

        var key = keys.Generate("operator", ApiScopes.Operator);

        Assert.StartsWith("ew_", key, StringComparison.Ordinal);
        Assert.Equal("operator", keys.Authenticate(Request((ApiKeys.HeaderName, key)))!.Name);
        Assert.True(keys.Any(ApiScopes.Operator));
        Assert.False(keys.Any(ApiScopes.Admin));
        Assert.NotEqual(key, new ApiKeys([]).Generate("operator", ApiScopes.Operator));
    }

    [Fact]
    public void A_key_replaced_or_removed_at_runtime_is_refused_from_then_on_and_the_others_stay()
    {
        var keys = new ApiKeys([new ApiKeyEntry("duty-officer", ApiKeys.Hash(Key), [ApiScopes.Operator])]);
        var first = ApiKeys.NewKey();
        var second = ApiKeys.NewKey();
        keys.Add(new ApiKeyEntry("ndma", ApiKeys.Hash(first), [ApiScopes.Partner]));

        keys.Replace(new ApiKeyEntry("ndma", ApiKeys.Hash(second), [ApiScopes.Partner]));

        Assert.Null(keys.Authenticate(Request((ApiKeys.HeaderName, first))));
        Assert.Equal("ndma", keys.Authenticate(Request((ApiKeys.HeaderName, second)))!.Name);
        Assert.Equal(new HashSet<string> { "duty-officer", "ndma" }, keys.Names);

        Assert.True(keys.Remove("ndma"));
        Assert.False(keys.Remove("ndma"));
        Assert.Null(keys.Authenticate(Request((ApiKeys.HeaderName, second))));
        Assert.Equal("duty-officer", keys.Authenticate(Request((ApiKeys.HeaderName, Key)))!.Name);
        Assert.Throws<ArgumentException>(() => keys.Replace(new ApiKeyEntry("duty-officer", "not-a-hash", [ApiScopes.Operator])));
        Assert.Equal("duty-officer", keys.Authenticate(Request((ApiKeys.HeaderName, Key)))!.Name);
    }

    [Theory]
    [InlineData("", "0000000000000000000000000000000000000000000000000000000000000000", "operator", "needs a Name")]
    [InlineData("ops", "abc", "operator", "Sha256 must be the 64 hex digits")]
    [InlineData("ops", "zz00000000000000000000000000000000000000000000000000000000000000", "operator", "Sha256 must be the 64 hex digits")]
    [InlineData("ops", "0000000000000000000000000000000000000000000000000000000000000000", "root", "unknown: root")]
    public void A_malformed_key_entry_stops_the_service_with_the_reason(string name, string hash, string scope, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiKeys.From(Configuration((name, hash, [scope]))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_without_scopes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ApiKeys.From(Configuration(("ops", ApiKeys.Hash(Key), []))));
    }

    private static IConfiguration Configuration(params (string Name, string Hash, string[] Scopes)[] entries)
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < entries.Length; i++)
        {
            values[$"Auth:Keys:{i}:Name"] = entries[i].Name;
            values[$"Auth:Keys:{i}:Sha256"] = entries[i].Hash;
            for (var j = 0; j < entries[i].Scopes.Length; j++)
                values[$"Auth:Keys:{i}:Scopes:{j}"] = entries[i].Scopes[j];
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
            context.Request.Headers[name] = value;
        return context.Request;
    }
}
