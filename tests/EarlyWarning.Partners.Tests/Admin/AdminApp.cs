using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Admin;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Cap;

namespace EarlyWarning.Partners.Tests.Admin;

/// <summary>
/// Partners wired as the host wires them, with the admin API and CAP: a real SQLite file, Kestrel on 127.0.0.1, the
/// four configured partners of <see cref="PartnersApp"/>, the test operator and source keys, and an admin key.
/// Two apps on one store file are two instances of the service.
/// </summary>
public sealed class AdminApp : IAsyncDisposable
{
    public const string Admin = "ew_test_admin_key";
    public const string AdminName = "head-of-soc";

    private readonly TestWebApp _app;

    private AdminApp(TestWebApp app, string storePath)
    {
        _app = app;
        StorePath = storePath;
    }

    public string StorePath { get; }

    public HttpClient Http => _app.Http;

    public IEventStore Store => _app.Store;

    public EventTypeRegistry Registry => _app.Registry;

    public T Get<T>() where T : notnull => _app.Get<T>();

    /// <summary>Starts on a new store, or on <paramref name="storePath"/> as another instance of the same service.</summary>
    public static async Task<AdminApp> StartAsync(string? storePath = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        storePath ??= TestWebApp.NewStorePath("ew-partners-admin-tests");
        var all = new Dictionary<string, string?>(PartnersApp.Partners)
        {
            ["Auth:Keys:2:Name"] = AdminName,
            ["Auth:Keys:2:Sha256"] = ApiKeys.Hash(Admin),
            ["Auth:Keys:2:Scopes:0"] = ApiScopes.Admin,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = await TestWebApp.StartAsync(storePath, "duty-officer", all, builder =>
        {
            builder.AddCap();
            builder.AddPartners();
        }, web =>
        {
            web.MapPartnersApi();
            web.MapPartnerAdminApi();
            web.MapCapApi();
        });
        return new AdminApp(app, storePath);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
            request.Headers.Add(ApiKeys.HeaderName, key);
        if (body is not null)
            request.Content = body is string json ? new StringContent(json, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        return await Http.SendAsync(request);
    }

    /// <summary>A body for <c>POST /api/admin/partners</c>: Balochistan warnings, unless the test says otherwise.</summary>
    public static Dictionary<string, object?> Body(string name, params string[] provinces) => new()
    {
        ["name"] = name,
        ["provinces"] = provinces.Length == 0 ? new[] { "balochistan" } : provinces,
        ["kinds"] = new[] { "warnings" },
    };

    /// <summary>Registers a partner, which must succeed; returns its key.</summary>
    public async Task<string> RegisterAsync(object body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/admin/partners", Admin, body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>The status of one page of the feed read with <paramref name="key"/>.</summary>
    public async Task<System.Net.HttpStatusCode> FeedStatusAsync(string key)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/feed", key);
        return response.StatusCode;
    }

    /// <summary>Appends a warning event as the rules service does: exact version on <c>warning-{id}</c>.</summary>
    public async Task AppendAsync(WarningSnapshot warning, int version)
    {
        object warningEvent = version == 1 ? SampleWarnings.Raised(warning) : SampleWarnings.Updated(warning, version);
        await WarningAppends.AppendAsync(Store, Registry, warningEvent);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Stops the app and deletes its store.</summary>
    public async ValueTask DisposeAndDeleteAsync()
    {
        await _app.DisposeAsync();
        TestWebApp.DeleteStoreFolder(StorePath);
    }
}
