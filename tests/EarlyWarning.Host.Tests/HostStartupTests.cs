using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using EarlyWarning.Testing;
using Xunit;

namespace EarlyWarning.Host.Tests;

public sealed class HostStartupTests
{
    [Fact]
    public async Task starts_on_the_embedded_default_with_a_sqlite_file_under_data_and_reports_it_on_health()
    {
        using var host = HostProcess.Start([]);
        using var client = new HttpClient();

        using var response = await host.WaitForHealthAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        var store = health.RootElement.GetProperty("checks").GetProperty("eventstore");
        Assert.Equal("healthy", store.GetProperty("status").GetString());
        Assert.Equal("sqlite", store.GetProperty("data").GetProperty("adapter").GetString());
        Assert.Equal(Path.Combine(host.Folder, "data", "earlywarning.db"), store.GetProperty("data").GetProperty("location").GetString());
        Assert.True(File.Exists(Path.Combine(host.Folder, "data", "earlywarning.db")));
        Assert.True(health.RootElement.GetProperty("checks").TryGetProperty("rules", out _), "no rules check on /health");

        // The only event of a fresh store: the rules service putting the shipped rule set in force.
        await Eventually.TrueAsync(async () =>
        {
            using var now = JsonDocument.Parse(await client.GetStringAsync(new Uri(host.BaseAddress, "/health")));
            return now.RootElement.GetProperty("checks").GetProperty("eventstore").GetProperty("data").GetProperty("headPosition").GetInt64() == 1;
        }, TimeSpan.FromSeconds(30), "the rule set's activation");
        var rules = await client.GetFromJsonAsync<JsonElement>(new Uri(host.BaseAddress, "/api/rules"));
        Assert.True(rules.GetProperty("rules").GetArrayLength() >= 10, rules.ToString());
    }

    [Fact]
    public async Task listens_on_5080_when_no_port_is_given()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 5080);
        try
        {
            probe.Start();
            probe.Stop();
        }
        catch (System.Net.Sockets.SocketException)
        {
            Assert.Fail("Port 5080 is taken on this machine by something else; the default port cannot be checked.");
        }

        using var host = HostProcess.Start([], port: 5080);
        using var client = new HttpClient();
        using var response = await host.WaitForHealthAsync(client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5080, host.BaseAddress.Port);
    }

    [Fact]
    public async Task store_postgres_selects_the_postgresql_store()
    {
        await PostgresServer.EnsureReachableAsync();
        var schema = PostgresServer.NewSchemaName();
        try
        {
            using var host = HostProcess.Start(["--store", "postgres"], new Dictionary<string, string>
            {
                ["ConnectionStrings__EventStore"] = PostgresServer.ConnectionString,
                ["EventStore__Postgres__Schema"] = schema,
            });
            using var client = new HttpClient();

            // Healthy once every part has read the store: the rules, the board and the dispatch each catch up first.
            var body = "";
            await Eventually.TrueAsync(async () =>
            {
                using var response = await host.WaitForHealthAsync(client);
                body = await response.Content.ReadAsStringAsync();
                return response.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(60), "the host on PostgreSQL to report healthy", () => body);
            using var health = JsonDocument.Parse(body);
            var data = health.RootElement.GetProperty("checks").GetProperty("eventstore").GetProperty("data");
            Assert.Equal("postgres", data.GetProperty("adapter").GetString());
            Assert.EndsWith("schema " + schema, data.GetProperty("location").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Password", data.GetProperty("location").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.False(Directory.Exists(Path.Combine(host.Folder, "data")));
        }
        finally
        {
            await PostgresServer.DropSchemasAsync([schema]);
        }
    }

    [Fact]
    public async Task stops_cleanly_on_sigterm_and_the_store_reopens()
    {
        using var host = HostProcess.Start([]);
        using var client = new HttpClient();
        using (await host.WaitForHealthAsync(client))
        {
        }

        host.Process.Terminate();

        Assert.Equal(0, await host.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain(host.Process.Errors, line => line.Contains("Exception", StringComparison.Ordinal));
    }
}
