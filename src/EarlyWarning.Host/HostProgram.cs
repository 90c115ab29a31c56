using EarlyWarning.Dispatch;
using EarlyWarning.Host.Dashboard;
using EarlyWarning.Ingest;
using EarlyWarning.Partners;
using EarlyWarning.Partners.Channels.Amqp;
using EarlyWarning.Ingest.Http;
using EarlyWarning.Rules;
using EarlyWarning.Rules.Http;
using EarlyWarning.ServiceDefaults.Bus;
using EarlyWarning.ServiceDefaults.ReadModels;
using EarlyWarning.Sources.Scenario;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Warnings;
using EarlyWarning.Warnings.Cap;
using EarlyWarning.Warnings.Http;

namespace EarlyWarning.Host;

/// <summary>
/// Builds and runs the host. Every failure a user can cause or meet (bad option, unusable configuration,
/// unreachable store, port taken) ends in one line on stderr and a non-zero exit, not a stack trace.
/// </summary>
internal static class HostProgram
{
    private const string Name = "earlywarning";

    public static async Task<int> RunAsync(string[] args)
    {
        HostCommandLine options;
        try
        {
            options = HostCommandLine.Parse(args);
        }
        catch (CommandLineException ex)
        {
            return Fail(ServiceHost.ExitUsage, ex.Message);
        }
        if (options.Help)
        {
            Console.WriteLine(HostCommandLine.Usage);
            return 0;
        }

        // Options are turned into configuration here, so no argument reaches the builder as configuration.
        return await ServiceHost.RunAsync(Name, [], async builder =>
        {
            builder.Configuration.AddInMemoryCollection(options.ToConfiguration());
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
            await builder.AddEventStoreAsync();
            builder.AddEarlyWarningBus(bus => bus.AddIngestConsumers());
            builder.AddIngest();
            builder.AddRules();
            builder.AddWarnings();
            builder.AddDispatch();
            builder.AddCap();
            builder.AddPartners();
            builder.AddPartnerWebhooks();
            // Off, with a line saying so, unless ConnectionStrings:RabbitMq is set: the embedded default has no broker.
            builder.AddPartnerRelay();
            var keys = builder.AddApiKeys();
            if (!keys.Any(ApiScopes.Operator))
            {
                // Nobody configured operators: one key for this run, so the dashboard can be used; only its hash is kept.
                // The link carries it in the fragment, which the browser keeps to itself.
                var key = keys.Generate("operator", ApiScopes.Operator);
                Console.WriteLine($"Operator key for this run (dashboard, warnings API, acknowledgements, silences): {key}");
                Console.WriteLine($"Open the dashboard with it: http://127.0.0.1:{options.Port}/#key={key}");
            }
            if (options.Demo)
            {
                builder.Services.AddScenarioPlayer();
                builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DemoPlayback>(sp, ScenarioSpeed.Of(options.DemoSpeed)));
            }
        }, app =>
        {
            app.MapIngestApi();
            app.MapRulesApi();
            app.MapWarningsApi();
            app.MapDispatchApi();
            app.MapCapApi();
            app.MapPartnersApi();
            app.MapPartnerReplayApi();
            app.MapReadModelsApi();
            app.MapDashboard();
        }, title: "EarlyWarning", address: $"127.0.0.1:{options.Port}");
    }

    private static int Fail(int code, string message) => ServiceHost.Fail(Name, code, message);
}
