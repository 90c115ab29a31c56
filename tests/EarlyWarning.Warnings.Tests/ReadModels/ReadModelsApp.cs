using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.ServiceDefaults.ReadModels;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Board;
using EarlyWarning.Warnings.Cap;
using EarlyWarning.Warnings.Http;

namespace EarlyWarning.Warnings.Tests.ReadModels;

/// <summary>
/// The warnings board and the CAP feed with the read models' API, wired as a service wires them (<see cref="TestWebApp"/>),
/// with ingest for incidents and an admin key beside the test keys; on SQLite, or on a PostgreSQL schema of its own.
/// </summary>
public sealed class ReadModelsApp : IAsyncDisposable
{
    public const string OperatorName = "duty-officer";
    public const string AdminKey = "ew_test_admin_key";
    public const string AdminName = "platform-admin";

    private readonly TestWebApp _app;
    private readonly string _storePath;
    private readonly string? _schema;

    private ReadModelsApp(TestWebApp app, string storePath, string? schema)
    {
        _app = app;
        _storePath = storePath;
        _schema = schema;
    }

    public HttpClient Http => _app.Http;

    public IEventStore Store => _app.Store;

    public EventTypeRegistry Registry => _app.Registry;

    public IncidentIngest Ingest => _app.Get<IncidentIngest>();

    public WarningBoard Board => _app.Get<WarningBoard>();

    /// <summary>The PostgreSQL schema of the store, when it is on PostgreSQL.</summary>
    public string? Schema => _schema;

    public static async Task<ReadModelsApp> StartAsync(bool postgres = false)
    {
        var storePath = TestWebApp.NewStorePath("ew-read-models-tests");
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Keys:2:Name"] = AdminName,
            ["Auth:Keys:2:Sha256"] = ApiKeys.Hash(AdminKey),
            ["Auth:Keys:2:Scopes:0"] = ApiScopes.Admin,
        };
        string? schema = null;
        if (postgres)
        {
            await PostgresServer.EnsureReachableAsync();
            schema = PostgresServer.NewSchemaName();
            settings["EventStore:Adapter"] = "postgres";
            settings["ConnectionStrings:EventStore"] = PostgresServer.ConnectionString;
            settings["EventStore:Postgres:Schema"] = schema;
        }
        var app = await TestWebApp.StartAsync(storePath, OperatorName, settings, builder =>
        {
            builder.AddIngest();
            builder.AddWarnings();
            builder.AddCap();
        }, web =>
        {
            web.MapWarningsApi();
            web.MapCapApi();
            web.MapReadModelsApi();
        });
        return new ReadModelsApp(app, storePath, schema);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? key = TestApiKeys.Operator)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
            request.Headers.Add(ApiKeys.HeaderName, key);
        return request;
    }

    /// <summary><c>GET /api/admin/models</c>, the one named <paramref name="name"/>.</summary>
    public async Task<JsonElement> ModelAsync(string name)
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Get, "/api/admin/models"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TestWebApp.DeleteStoreFolder(_storePath);
        if (_schema is not null)
            await PostgresServer.DropSchemasAsync([_schema]);
    }
}
