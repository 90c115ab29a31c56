using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.Rules;
using EarlyWarning.Rules.Processing;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Sources.Scenario;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Cap;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Warnings.Tests.Cap;

/// <summary>
/// The shipped scenario's warnings behind the CAP API: ingest and the rules service wired as the host wires them,
/// on a real SQLite file, with AddCap and MapCapApi on Kestrel at a free port of 127.0.0.1, and the test keys; the
/// client presents the operator's. The scenario goes in through ingest; the rules write the warnings while the
/// feed's index follows them live.
/// </summary>
public sealed class CapScenarioApp : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ew-cap-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    /// <summary>A key with the partner scope, in a process that has no partners.</summary>
    public const string PartnerKey = "ew_test_cap_partner_key";

    public HttpClient Http { get; private set; } = null!;

    public IEventStore Store => _app!.Services.GetRequiredService<IEventStore>();

    public EventTypeRegistry Registry => _app!.Services.GetRequiredService<EventTypeRegistry>();

    /// <summary>Every warning event, in store order.</summary>
    internal IReadOnlyList<(RecordedEvent Recorded, WarningVersion Version)> WarningEvents { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var port = Ports.Free();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = Path.Combine(_folder, "store.db"),
            ["Rules:Directory"] = Repository.Rules,
            ["Cap:Sender"] = "earlywarning@test.invalid",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // CAP is read with a key: the operator's, which reads every warning, unless a test presents another.
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings("duty-officer"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Keys:2:Name"] = "a-partner",
            ["Auth:Keys:2:Sha256"] = ApiKeys.Hash(PartnerKey),
            ["Auth:Keys:2:Scopes:0"] = ApiScopes.Partner,
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        builder.AddIngest();
        builder.AddRules();
        builder.AddCap();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapCapApi();
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Http.DefaultRequestHeaders.Add(ApiKeys.HeaderName, TestApiKeys.Operator);

        var ingest = _app.Services.GetRequiredService<IncidentIngest>();
        await ingest.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        await ScenarioIngest.PlayAsync(ingest, ScenarioFile.Default.Messages);
        await WaitForRulesAsync();

        var events = new List<(RecordedEvent, WarningVersion)>();
        await foreach (var recorded in Store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(WarningStreams.WarningPrefix)))
            events.Add((recorded, WarningVersion.From(Registry.Deserialize(recorded))!));
        WarningEvents = events;
        var index = _app.Services.GetRequiredService<CapFeedIndex>();
        var last = events.Count == 0 ? GlobalPosition.Start : events[^1].Item1.Position;
        await Eventually.TrueAsync(() => index.CaughtUpAt is not null && index.Position >= last, TimeSpan.FromSeconds(30), "the CAP feed to take in every warning event");
    }

    /// <summary>Until the rules service has evaluated every input recorded; its own appends are not its input.</summary>
    private async Task WaitForRulesAsync()
    {
        var status = _app!.Services.GetRequiredService<RulesStatus>();
        var lastInput = GlobalPosition.Start;
        await foreach (var e in Store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(IncidentStreams.IncidentPrefix, RuleStreams.RuleSet.Value, RuleStreams.Silences.Value)))
            lastInput = e.Position;
        await Eventually.TrueAsync(() => status.Failure is null && status.Position >= lastInput, TimeSpan.FromSeconds(60), "the rules service to catch up with the store", () => $"failure: {status.Failure}, position {status.Position}, last input {lastInput}");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
