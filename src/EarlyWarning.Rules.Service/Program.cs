using EarlyWarning.Rules;
using EarlyWarning.Rules.Http;
using EarlyWarning.ServiceDefaults;

return await ServiceHost.RunAsync("rules", args, async builder =>
{
    await builder.AddEventStoreAsync();
    builder.AddRules();
}, app => app.MapRulesApi());
