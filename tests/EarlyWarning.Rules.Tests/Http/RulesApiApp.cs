using System.Net;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Http;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Rules.Tests.Http;

/// <summary>
/// The rules service wired as its Program wires it, in the test process: a real SQLite file in a temp folder, the
/// rule files of <see cref="Rules"/>, a clock the test moves, and Kestrel on a free port of 127.0.0.1.
/// </summary>
public sealed class RulesApiApp : IAsyncDisposable
{
    /// <summary>Two rules of the shipped kinds, so the tests do not depend on the tuning of rules/.</summary>
    public const string Rules = """
        rules:
          - id: coordinated-attacks
            title: Coordinated attacks across districts
            kind: spread
            where:
              types: attacks
            groupBy: province
            window: 6h
            minIncidents: 4
            minDistinct: 3
            severity: Severe
            urgency: Immediate
            certainty: Observed
          - id: district-attack-cluster
            title: Cluster of attacks in one district
            kind: threshold
            where:
              types: attacks
            groupBy: district
            window: 24h
            minIncidents: 3
            severity: Moderate
            urgency: Expected
            certainty: Observed

        """;

    private readonly WebApplication _app;
    private readonly string _folder;

    private RulesApiApp(WebApplication app, string folder, string rulesDirectory, ManualClock clock)
    {
        _app = app;
        _folder = folder;
        RulesDirectory = rulesDirectory;
        Clock = clock;
        Http = new HttpClient { BaseAddress = app.BaseAddress() };
        Http.DefaultRequestHeaders.Add(ApiKeys.HeaderName, OperatorKey);
        Anonymous = new HttpClient { BaseAddress = app.BaseAddress() };
    }

    public const string OperatorKey = TestApiKeys.Operator;
    public const string SourceKey = TestApiKeys.Source;

    /// <summary>Presents the operator's key on every request.</summary>
    public HttpClient Http { get; }

    /// <summary>Presents no key.</summary>
    public HttpClient Anonymous { get; }

    public ManualClock Clock { get; }

    public string RulesDirectory { get; }

    public IEventStore Store => _app.Services.GetRequiredService<IEventStore>();

    public EventTypeRegistry Registry => _app.Services.GetRequiredService<EventTypeRegistry>();

    public static async Task<RulesApiApp> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ew-rules-api-tests", Guid.NewGuid().ToString("N"));
        var rules = Path.Combine(folder, "rules");
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(Path.Combine(rules, "test.yaml"), Rules);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = Path.Combine(folder, "store.db"),
            ["Rules:Directory"] = rules,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings("soc-night-shift"));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        builder.AddRules();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapRulesApi();
        await app.StartAsync();
        return new RulesApiApp(app, folder, rules, clock);
    }

    /// <summary>Waits until the service has recorded its rule set's activation, which it does as it starts.</summary>
    public Task WaitForActivationAsync() =>
        Eventually.TrueAsync(async () => (await Http.GetAsync("/api/rules")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the rule set to be activated");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
