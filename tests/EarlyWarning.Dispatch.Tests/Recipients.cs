namespace EarlyWarning.Dispatch.Tests;

/// <summary>Builds <c>Dispatch:Recipients</c> configuration keys.</summary>
public static class Recipients
{
    public const string Secret = "whsec_test_0123456789abcdef";

    public static Dictionary<string, string?> Of(params (string Name, Uri Url)[] recipients)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < recipients.Length; i++)
        {
            settings[$"Dispatch:Recipients:{i}:Name"] = recipients[i].Name;
            settings[$"Dispatch:Recipients:{i}:Url"] = recipients[i].Url.ToString();
            settings[$"Dispatch:Recipients:{i}:Secret"] = Secret;
        }
        return settings;
    }

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, string? value)
    {
        settings[key] = value;
        return settings;
    }
}
