using EarlyWarning.Contracts;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Loading;
using EarlyWarning.Rules.Model;
using EarlyWarning.Rules.Processing;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Rules;

public static class RulesExtensions
{
    /// <summary>
    /// The rules service: loads and validates the rule files now, so a bad file stops the process before it starts
    /// (with every error, file:line:col), then evaluates them over the store in the background.
    /// </summary>
    /// <exception cref="ArgumentException">The rule files are invalid or missing; nothing was activated.</exception>
    public static IHostApplicationBuilder AddRules(this IHostApplicationBuilder builder)
    {
        var options = RulesOptions.From(builder.Configuration);
        RuleSet ruleSet;
        try
        {
            ruleSet = RuleSetLoader.LoadDirectory(options.Directory, Gazetteer.Gazetteer.Default);
        }
        catch (RuleSetException ex)
        {
            throw new ArgumentException($"the rule set in {options.Directory} is invalid; nothing was activated:{Environment.NewLine}{ex.Message}", ex);
        }

        builder.AddApiKeys();
        var services = builder.Services;
        services.AddContracts();
        services.AddSingleton(options);
        services.AddSingleton(ruleSet);
        services.AddSingleton<RulesStatus>();
        services.AddHostedService<RulesService>();
        services.AddHealthChecks().AddCheck<RulesHealthCheck>("rules");
        return builder;
    }
}
