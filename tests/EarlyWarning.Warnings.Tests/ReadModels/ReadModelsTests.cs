using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Operators;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Board;
using EarlyWarning.Warnings.Cap;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Warnings.Tests.ReadModels;

/// <summary>
/// An operator rebuilds the warnings board and the CAP feed's index from the store without a restart: the models answer
/// the same afterwards, nothing recorded meanwhile is lost or counted twice, the rebuild is audited, and a request that
/// is refused changes nothing.
/// </summary>
public sealed class ReadModelsTests
{
    [Fact]
    public async Task The_models_are_listed_with_where_they_stand()
    {
        await using var app = await ReadModelsApp.StartAsync();
        await FillAsync(app, "list", 3);

        var board = await app.ModelAsync(WarningBoardReadModel.ModelName);
        var cap = await app.ModelAsync(CapFeedReadModel.ModelName);

        var head = (await app.Store.GetHeadPositionAsync()).Value;
        Assert.Equal(head, board.GetProperty("position").GetInt64());
        Assert.True(board.GetProperty("caughtUp").GetBoolean());
        Assert.True(board.GetProperty("eventsFolded").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, board.GetProperty("lastRebuiltAt").ValueKind);
        Assert.False(board.GetProperty("rebuilding").GetBoolean());
        await Eventually.TrueAsync(async () => (await app.ModelAsync(CapFeedReadModel.ModelName)).GetProperty("position").GetInt64() == head,
            TimeSpan.FromSeconds(10), "the CAP index to read to the head");
        Assert.True(cap.GetProperty("caughtUp").GetBoolean());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rebuild_answers_the_same_picture_and_feed_and_is_audited(bool postgres)
    {
        await using var app = await ReadModelsApp.StartAsync(postgres);
        await FillAsync(app, "same", 4);
        var head = (await app.Store.GetHeadPositionAsync()).Value;
        await WaitForCapAsync(app, head);
        var pictureBefore = await PictureAsync(app);
        var feedBefore = Entries(await GetTextAsync(app, "/api/cap/feed"));

        var board = await RebuildAsync(app, WarningBoardReadModel.ModelName, TestApiKeys.Operator);
        var cap = await RebuildAsync(app, CapFeedReadModel.ModelName, ReadModelsApp.AdminKey);

        Assert.Equal(head, board.GetProperty("position").GetInt64());
        Assert.Equal(head + 1, cap.GetProperty("position").GetInt64());
        Assert.Equal(ReadModelsApp.OperatorName, board.GetProperty("by").GetString());
        Assert.Equal(ReadModelsApp.AdminName, cap.GetProperty("by").GetString());
        // The board reads incident and warning streams only (not report-*): four of each.
        Assert.Equal(8, board.GetProperty("eventsFolded").GetInt64());
        Assert.Equal(4, cap.GetProperty("eventsFolded").GetInt64());
        Assert.Equal(pictureBefore, await PictureAsync(app));
        // The board has read past both audit events.
        Assert.True(await app.Board.WaitForAsync(head + 2, TimeSpan.FromSeconds(10), CancellationToken.None), "the board did not read past the audit events");
        Assert.Equal(feedBefore, Entries(await GetTextAsync(app, "/api/cap/feed")));
        Assert.NotEqual(JsonValueKind.Null, (await app.ModelAsync(WarningBoardReadModel.ModelName)).GetProperty("lastRebuiltAt").ValueKind);

        var audit = (await app.Store.EventsAsync(app.Registry, OperatorStreams.Audit)).Cast<ReadModelRebuilt>().ToList();
        Assert.Equal(
            // The second rebuild reads to the head that the first one's audit event moved on by one.
            [(WarningBoardReadModel.ModelName, ReadModelsApp.OperatorName, head), (CapFeedReadModel.ModelName, ReadModelsApp.AdminName, head + 1)],
            audit.Select(a => (a.Model, a.By, a.Position)));
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.Service)));
    }

    [Fact]
    public async Task Incidents_and_warnings_recorded_during_rebuilds_are_on_the_board_once()
    {
        await using var app = await ReadModelsApp.StartAsync();
        await FillAsync(app, "before", 20);

        // Writers keep recording while the operator rebuilds the board again and again.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await FillAsync(app, $"during-{written}", 1);
                written++;
            }
        });
        for (var i = 0; i < 5; i++)
            await RebuildAsync(app, WarningBoardReadModel.ModelName, TestApiKeys.Operator);
        await stop.CancelAsync();
        await writer;
        Assert.True(written > 0, "no incident was recorded during the rebuilds");

        var head = (await app.Store.GetHeadPositionAsync()).Value;
        Assert.True(await app.Board.WaitForAsync(head, TimeSpan.FromSeconds(10), CancellationToken.None), "the board did not read to the head");
        var picture = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api/picture"));
        var body = await picture.Content.ReadFromJsonAsync<JsonElement>();
        var incidentIds = body.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("incidentId").GetString()).ToList();
        var warningIds = body.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("warningId").GetString()).ToList();
        Assert.Equal(20 + written, incidentIds.Count);
        Assert.Equal(incidentIds.Count, incidentIds.Distinct().Count());
        Assert.Equal(20 + written, warningIds.Count);
        Assert.Equal(warningIds.Count, warningIds.Distinct().Count());
        Assert.Equal(head, body.GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task The_board_reads_to_the_head_past_events_it_does_not_show()
    {
        await using var app = await ReadModelsApp.StartAsync();
        await FillAsync(app, "past", 2);

        // A rebuild's audit event is the last in the store: the board does not show it, but has read past it.
        var rebuilt = await RebuildAsync(app, WarningBoardReadModel.ModelName, TestApiKeys.Operator);
        var head = (await app.Store.GetHeadPositionAsync()).Value;
        Assert.Equal(rebuilt.GetProperty("position").GetInt64() + 1, head);

        Assert.True(await app.Board.WaitForAsync(head, TimeSpan.FromSeconds(10), CancellationToken.None), "the board did not read past the audit event");
        var board = await app.ModelAsync(WarningBoardReadModel.ModelName);
        Assert.Equal(head, board.GetProperty("position").GetInt64());
        Assert.True(board.GetProperty("caughtUp").GetBoolean());
        var picture = JsonDocument.Parse(await GetTextAsync(app, "/api/picture")).RootElement;
        Assert.Equal(head, picture.GetProperty("position").GetInt64());
        Assert.Equal(2, picture.GetProperty("incidents").GetArrayLength());
    }

    [Fact]
    public async Task A_live_client_is_told_to_fetch_the_picture_again_after_a_rebuild()
    {
        await using var app = await ReadModelsApp.StartAsync();
        await FillAsync(app, "live", 2);
        var before = (await app.Store.GetHeadPositionAsync()).Value;
        using (var stream = await SseClient.OpenAsync(app.Http, app.Request(HttpMethod.Get, $"/api/live?after={before}")))
        {
            await RebuildAsync(app, WarningBoardReadModel.ModelName, TestApiKeys.Operator);

            // The stream of the old picture ends; the browser reconnects from the last id it saw.
            await Assert.ThrowsAnyAsync<Exception>(async () => await stream.NextAsync());
        }

        await FillAsync(app, "live-after", 1);
        using var again = await SseClient.OpenAsync(app.Http, app.Request(HttpMethod.Get, $"/api/live?after={before - 1}"));
        var first = await again.NextAsync();
        Assert.Equal("reset", first.Event);
    }

    [Theory]
    [InlineData("warnings-board", null, HttpStatusCode.Unauthorized, "API key required")]
    [InlineData("warnings-board", "ew_not_a_key", HttpStatusCode.Unauthorized, "Unknown API key")]
    [InlineData("warnings-board", TestApiKeys.Source, HttpStatusCode.Forbidden, "Not allowed for this key")]
    [InlineData("warnings-bord", TestApiKeys.Operator, HttpStatusCode.NotFound, "No such read model")]
    public async Task A_refused_rebuild_changes_nothing(string name, string? key, HttpStatusCode status, string title)
    {
        await using var app = await ReadModelsApp.StartAsync();
        await FillAsync(app, "refused", 2);
        var head = (await app.Store.GetHeadPositionAsync()).Value;

        using var response = await app.Http.SendAsync(app.Request(HttpMethod.Post, $"/api/admin/models/{name}/rebuild", key));

        var problem = await Problem.AssertAsync(response, status, title);
        if (status == HttpStatusCode.NotFound)
            Assert.Contains("cap-feed, warnings-board", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(head, (await app.Store.GetHeadPositionAsync()).Value);
        Assert.Equal(JsonValueKind.Null, (await app.ModelAsync(WarningBoardReadModel.ModelName)).GetProperty("lastRebuiltAt").ValueKind);
        using var list = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api/admin/models", key));
        Assert.Equal(key == TestApiKeys.Operator ? HttpStatusCode.OK : status, list.StatusCode);
    }

    /// <summary>Records <paramref name="count"/> incidents in distinct districts, and a warning for each.</summary>
    private static async Task FillAsync(ReadModelsApp app, string prefix, int count)
    {
        string[] districts = ["Kech", "Gwadar", "Panjgur", "Quetta", "Mastung", "Kalat", "Nushki", "Kharan"];
        for (var i = 0; i < count; i++)
        {
            var district = districts[i % districts.Length];
            var occurredAt = Reports.Attack.AddMinutes(-(i / districts.Length) * 200 - i);
            var outcome = await app.Ingest.ReportAsync(Reports.In($"{prefix}-{i.ToString(CultureInfo.InvariantCulture)}", district, null, 1, occurredAt), null);
            Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
            await WarningAppends.AppendAsync(app.Store, app.Registry, Http.Warnings.Raised(Http.Warnings.Coordinated()));
        }
        var head = (await app.Store.GetHeadPositionAsync()).Value;
        Assert.True(await app.Board.WaitForAsync(head, TimeSpan.FromSeconds(10), CancellationToken.None), "the board did not read to the head");
    }

    private static async Task<JsonElement> RebuildAsync(ReadModelsApp app, string name, string key)
    {
        using var response = await app.Http.SendAsync(app.Request(HttpMethod.Post, $"/api/admin/models/{name}/rebuild", key));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task WaitForCapAsync(ReadModelsApp app, long head) =>
        await Eventually.TrueAsync(async () => (await app.ModelAsync(CapFeedReadModel.ModelName)).GetProperty("position").GetInt64() >= head,
            TimeSpan.FromSeconds(10), "the CAP index to read to the head");

    private static async Task<string> GetTextAsync(ReadModelsApp app, string path)
    {
        using var response = await app.Http.SendAsync(app.Request(HttpMethod.Get, path));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The live picture, without its <c>asOf</c>, which is when it was asked for, and its <c>position</c>, which moves on
    /// past audit events the picture does not show.
    /// </summary>
    private static async Task<string> PictureAsync(ReadModelsApp app)
    {
        var picture = System.Text.Json.Nodes.JsonNode.Parse(await GetTextAsync(app, "/api/picture"))!.AsObject();
        Assert.True(picture.Remove("asOf"));
        Assert.True(picture.Remove("position"));
        Assert.NotEmpty(picture["incidents"]!.AsArray());
        return picture.ToJsonString();
    }

    /// <summary>The feed's entries, without its <c>updated</c> time, which is when it was asked for.</summary>
    private static List<string> Entries(string atom)
    {
        var feed = System.Xml.Linq.XDocument.Parse(atom);
        var ns = System.Xml.Linq.XNamespace.Get("http://www.w3.org/2005/Atom");
        var entries = feed.Root!.Elements(ns + "entry").Select(e => e.ToString()).ToList();
        Assert.NotEmpty(entries);
        return entries;
    }
}
