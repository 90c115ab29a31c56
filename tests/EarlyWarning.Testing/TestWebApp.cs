using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Testing;

/// <summary>
/// A service wired in the test process as its Program wires it: service defaults, a real SQLite file, the test API
/// keys, the test's settings, Kestrel on a free port of 127.0.0.1, and a client for it. The test apps of each
/// service add their parts and helpers around one of these.
/// </summary>
public sealed class TestWebApp : IAsyncDisposable
{
    private TestWebApp(WebApplication app)
    {
        App = app;
        Http = new HttpClient { BaseAddress = app.BaseAddress(), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public IEventStore Store => Get<IEventStore>();

    public EventTypeRegistry Registry => Get<EventTypeRegistry>();

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A new store file in a new temporary folder under <paramref name="area"/>.</summary>
    public static string NewStorePath(string area)
    {
        var folder = Path.Combine(Path.GetTempPath(), area, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "store.db");
    }

    /// <param name="storePath">The SQLite file, new or kept from an earlier app.</param>
    /// <param name="operatorName">The name of the test operator key (<see cref="TestApiKeys"/>).</param>
    /// <param name="settings">The test's own configuration, over the rest.</param>
    /// <param name="add">Adds the service's parts, after the store.</param>
    /// <param name="map">Maps the service's endpoints.</param>
    public static async Task<TestWebApp> StartAsync(
        string storePath, string operatorName, IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder> add, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = storePath,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings(operatorName));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync().ConfigureAwait(false);
        add(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        await app.StartAsync().ConfigureAwait(false);
        return new TestWebApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Deletes a store's temporary folder; a file still held open is left for the system to clean.</summary>
    public static void DeleteStoreFolder(string storePath)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(storePath)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
