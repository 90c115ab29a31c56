using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Soc;
using EarlyWarning.ServiceDefaults.Security;

namespace EarlyWarning.Dispatch.Tests.Http;

public sealed class DeliveriesEndpointsTests : IAsyncLifetime
{
    private Receiver _receiver = null!;
    private DispatchApp _app = null!;
    private string _warning = null!;
    private string _other = null!;

    public async Task InitializeAsync()
    {
        _receiver = await Receiver.StartAsync();
        var settings = Recipients.Of(
            ("soc", _receiver.Add("soc", new ReceiverEndpoint(Recipients.Secret))),
            ("refusing", _receiver.Add("refusing", new ReceiverEndpoint(Recipients.Secret) { FailFirst = int.MaxValue, FailStatus = 410 })));
        _app = await DispatchApp.StartAsync(settings);
        _warning = SampleWarnings.NewId();
        _other = SampleWarnings.NewId();
        await _app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(_warning)));
        await _app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(_other)));
        foreach (var id in new[] { _warning, _other })
            await _app.WaitForAsync(id, e => e.Count(o => o is WarningDelivered or WarningDeliveryFailed) == 2, "both outcomes");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string query, string? key = DispatchApp.OperatorKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/deliveries" + query);
        if (key is not null)
            request.Headers.Add(ApiKeys.HeaderName, key);
        return await _app.Http.SendAsync(request);
    }

    private async Task<List<JsonElement>> DeliveriesAsync(string query)
    {
        var response = await GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries").EnumerateArray().ToList();
    }

    [Fact]
    public async Task without_a_key_the_answer_is_401_and_with_an_unknown_key_too()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("", key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("", key: "ew_not_a_key")).StatusCode);
    }

    [Fact]
    public async Task a_key_without_the_operator_scope_gets_403()
    {
        var response = await GetAsync("", DispatchApp.SourceKey);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("?state=failed", "state")]
    [InlineData("?state=dead&state=all", "state")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?limit=1001", "limit")]
    public async Task a_bad_query_value_gets_400_problem_details_naming_it(string query, string named)
    {
        var response = await GetAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task dead_letters_delivered_and_all_are_listed_newest_first_and_by_warning()
    {
        var dead = await DeliveriesAsync($"?state=dead&warning={_warning}");
        var letter = Assert.Single(dead);
        Assert.Equal(("refusing", "dead", 1), (letter.GetProperty("recipient").GetString(), letter.GetProperty("state").GetString(), letter.GetProperty("attempts").GetInt32()));
        Assert.Contains("410", letter.GetProperty("error").GetString(), StringComparison.Ordinal);

        var delivered = Assert.Single(await DeliveriesAsync($"?state=delivered&warning={_warning}"));
        Assert.Equal(("soc", 200, $"{_warning}:1"), (delivered.GetProperty("recipient").GetString(), delivered.GetProperty("statusCode").GetInt32(), delivered.GetProperty("idempotencyKey").GetString()));

        var all = await DeliveriesAsync("");
        Assert.Equal(4, all.Count);
        Assert.Equal(all.Select(d => d.GetProperty("position").GetInt64()).OrderDescending(), all.Select(d => d.GetProperty("position").GetInt64()));
        Assert.Equal(2, (await DeliveriesAsync("?state=dead")).Count);
        Assert.Single(await DeliveriesAsync("?state=all&limit=1"));
        Assert.Empty(await DeliveriesAsync("?warning=no-such-warning"));
    }

    [Fact]
    public async Task health_reports_the_dispatch_following_the_store()
    {
        var response = await _app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dispatch", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
