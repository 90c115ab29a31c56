using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Rules;

/// <summary>The rules service's settings (section <c>Rules</c>).</summary>
/// <param name="Directory">Where the rule files are: <c>Rules:Directory</c>; by default <c>rules</c> under the working directory, else the copy shipped beside the program.</param>
/// <param name="SubscriptionId">The checkpoint's name in the store.</param>
public sealed record RulesOptions(string Directory, string SubscriptionId)
{
    public const string DefaultSubscriptionId = "rules";

    public static RulesOptions From(IConfiguration configuration)
    {
        var configured = configuration["Rules:Directory"];
        var directory = configured is { Length: > 0 }
            ? Path.GetFullPath(configured)
            : new[] { Path.Combine(System.IO.Directory.GetCurrentDirectory(), "rules"), Path.Combine(AppContext.BaseDirectory, "rules") }
                .FirstOrDefault(System.IO.Directory.Exists) ?? Path.Combine(AppContext.BaseDirectory, "rules");
        return new RulesOptions(directory, configuration["Rules:SubscriptionId"] is { Length: > 0 } id ? id : DefaultSubscriptionId);
    }
}
