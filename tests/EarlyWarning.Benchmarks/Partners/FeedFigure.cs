using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EarlyWarning.Benchmarks.Ingest;
using EarlyWarning.Benchmarks.Rules;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using EarlyWarning.Partners;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Feed;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>
/// Figure 2: a partner catching up over the HTTP feed. A SQLite store holds the history's first 1,000,000 events; the
/// partners feed runs on Kestrel on 127.0.0.1 wired as <c>EarlyWarning.Partners.Service</c> wires it (without the
/// relay), and one HttpClient pages through <c>GET /api/feed?from=&amp;limit=</c> at the largest page the feed allows,
/// with the national partner's key, from position 0 until a page leaves <c>next</c> where it was, parsing each page
/// as a partner would. Beside it, in the same run on the same file: <c>ReadAllAsync</c> over the same events with the
/// same stream filter, doing nothing with them (the store's floor), and, to show where the time goes, the feed's own
/// read without HTTP (<c>PartnerFeed</c>: read, decode, entitlement, redaction) with and without serialising the page,
/// over pages spread across the store.
/// </summary>
public sealed class FeedFigure(StoreFill fill, Action<string> progress)
{
    private const int WarmupPages = 3;

    /// <summary>Pages the breakdown reads: about 100,000 events, a tenth of the catch-up at scale 1.</summary>
    private const int SampledPages = 100;

    /// <summary>Store events a partner catches up on: 1,000,000 at scale 1.</summary>
    public static int Events(BenchmarkOptions options) => options.Count(1_000_000, minimum: 5_000);

    public async Task<RulesSection> RunAsync()
    {
        var path = fill.Path;
        Throughput raw;
        FeedAlone feedAlone;
        await using (var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(path), null, NullLogger.Instance))
        {
            progress("partners: feed, raw limit: ReadAllAsync over the same events");
            raw = await ReadAllAsync(store);
            progress("partners: feed, PartnerFeed alone (read, entitlement, JSON) page by page");
            feedAlone = await FeedAloneAsync(store);
        }

        progress($"partners: feed, a partner paging through {Format.Count(fill.Events)} events over HTTP");
        var http = await CatchUpAsync(path);

        var limit = PartnerFeed.MaxLimit;
        var eventsPerSecond = new Throughput(http.Events, http.Elapsed) { Machine = http.Machine };
        var row = new ReportRow(
            $"Partner catching up over HTTP, `GET /api/feed?from=&limit={limit}`, one HttpClient, Kestrel on 127.0.0.1, SQLite ({Format.Count(http.Events)} events, {Format.Count(http.Pages)} pages)",
            string.Create(CultureInfo.InvariantCulture, $"**{Format.Rate(eventsPerSecond.PerSecond)}** events · {http.Pages / http.Elapsed.TotalSeconds:0.0}/s pages ({http.Elapsed.TotalSeconds:0.00} s); per page {http.Latency}"),
            Target.None.Text,
            Target.None.Verdict(eventsPerSecond.PerSecond),
            $"`ReadAllAsync` over the same {Format.Count(raw.Count)} events (same stream filter, bare store, nothing done): {Format.Rate(raw.PerSecond)} ({raw.Elapsed.TotalSeconds:0.00} s); the feed reached {Format.Percent(eventsPerSecond.PerSecond / raw.PerSecond)} of it",
            http.Machine?.ToString() ?? "n/a");

        var facts = new List<string>
        {
            $"Store: {fill}",
            $"Feed: `WebApplication` with `AddServiceDefaults`, `AddEventStoreAsync` (SQLite, traced as in the service), `AddPartners`, `MapDefaultEndpoints`, `MapPartnersApi`, Kestrel on http://127.0.0.1 (a free port); the partners of the relay figure, read through `{BenchmarkPartners.National}` (every province, incidents and warnings: every event admitted, redacted by default)",
            $"Client: one `HttpClient` (HTTP/1.1, one kept-alive connection), `X-Api-Key`, pages requested one after another from `from=0`, each from the last page's `next`, until a page is empty and leaves `next` where it was; each body parsed with `JsonDocument` to count its events and read `next`; {WarmupPages} warm-up pages first, not timed; per-page time = request sent to body parsed",
            $"Checked: {Format.Count(http.Events)} events received of {Format.Count(fill.Events)} stored, the last `next` = the store's head {Format.Count(http.LastNext)}",
            string.Create(CultureInfo.InvariantCulture, $"Pages: {Format.Count(PartnerFeed.MaxLimit)} events each (`PartnerFeed.MaxLimit`), {feedAlone.BytesPerPage / 1024.0:#,##0} KiB of JSON on average (the pages of (b) and (c))"),
            $"Raw limit: `SqliteEventStore.OpenAsync` on the same file (no tracing), one `ReadAllAsync(Start, all, incident and warning streams)`, counting. (b) and (c): {Format.Count(feedAlone.Pages)} pages of {Format.Count(PartnerFeed.MaxLimit)} ({(feedAlone.Stride == 1 ? "every page of the catch-up" : $"one in {feedAlone.Stride} of the catch-up's pages")}), on the same bare store. Order: (a), (b) and (c) in one pass, then the HTTP catch-up; the page cache holds the file throughout (it was just written)",
        };
        var details = new RulesDetails(
            "Where the feed's time goes (rates per event; the difference from the step before is that step's share):",
            ["Step", "Result", "Meanwhile"],
            [
                ["(a) `ReadAllAsync`, incident and warning streams, nothing done (raw limit)", raw.ToString(), ReportRow.MachineCell(raw)],
                [$"(b) `PartnerFeed.ReadAsync`, pages of {Format.Count(limit)} spread over the store: (a) + decode + entitlement + redaction into `JsonObject`", feedAlone.Read.ToString(), "timed in the same pass as (c)"],
                ["(c) (b) + serialise each page to UTF-8 as the endpoint does (`JsonSerializerDefaults.Web`)", feedAlone.Serialised.ToString(), ReportRow.MachineCell(feedAlone.Serialised)],
                ["(d) over HTTP: (c) + Kestrel, minimal API, key check, HttpClient, `JsonDocument` parse", eventsPerSecond.ToString(), ReportRow.MachineCell(eventsPerSecond)],
            ]);
        return new RulesSection("Partner feed, HTTP catch-up", facts, [row], [details]);
    }

    private static async Task<Throughput> ReadAllAsync(IEventReader store)
    {
        GC.Collect();
        var meter = MachineMeter.Start();
        var clock = Stopwatch.StartNew();
        long count = 0;
        await foreach (var _ in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, Entitlement.Streams))
            count++;
        return new Throughput(count, clock.Elapsed) { Machine = meter.Stop() };
    }

    /// <summary>
    /// The feed's read without HTTP: the read alone and the read plus serialising the page, timed apart in one pass.
    /// Over <see cref="SampledPages"/> pages spread evenly over the store (every page when there are fewer), so the
    /// mix of events is the whole store's without a second full catch-up; the machine's use is the whole pass's, so
    /// it goes with the second.
    /// </summary>
    private static async Task<FeedAlone> FeedAloneAsync(IEventStore store)
    {
        var feed = new PartnerFeed(store, Contracts.ContractTypes.CreateRegistry());
        var entitlement = BenchmarkPartners.Read().Single(p => p.Name == BenchmarkPartners.National).Entitlement;
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var head = (await store.GetHeadPositionAsync()).Value;
        var pages = (head + PartnerFeed.MaxLimit - 1) / PartnerFeed.MaxLimit;
        var stride = Math.Max(1, pages / SampledPages);
        GC.Collect();
        var meter = MachineMeter.Start();
        long reading = 0, serialising = 0, events = 0, bytes = 0, sampled = 0;
        // Every event is the national partner's, so the page from `from` holds positions from + 1 to from + MaxLimit.
        for (var from = 0L; from < head; from += stride * PartnerFeed.MaxLimit)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await feed.ReadAsync(entitlement, from, PartnerFeed.MaxLimit, CancellationToken.None);
            var read = Stopwatch.GetTimestamp();
            bytes += JsonSerializer.SerializeToUtf8Bytes(page, json).Length;
            serialising += Stopwatch.GetTimestamp() - read;
            reading += read - started;
            events += page.Events.Count;
            sampled++;
        }
        var machine = meter.Stop();
        return new FeedAlone(
            new Throughput(events, Stopwatch.GetElapsedTime(0, reading)),
            new Throughput(events, Stopwatch.GetElapsedTime(0, reading + serialising)) { Machine = machine },
            sampled,
            stride,
            bytes / Math.Max(1, sampled));
    }

    private sealed record FeedAlone(Throughput Read, Throughput Serialised, long Pages, long Stride, long BytesPerPage);

    private sealed record CatchUp(long Events, long Pages, long LastNext, TimeSpan Elapsed, LatencySummary Latency, MachineUse? Machine);

    private static async Task<CatchUp> CatchUpAsync(string path)
    {
        var app = await StartAsync(path);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add(ApiKeys.HeaderName, BenchmarkPartners.NationalKey);
            var head = (await app.Services.GetRequiredService<IEventStore>().GetHeadPositionAsync()).Value;

            long from = 0;
            for (var i = 0; i < WarmupPages; i++)
                from = (await PageAsync(http, from)).Next;

            GC.Collect();
            var latencies = new List<long>();
            long events = 0;
            from = 0;
            var meter = MachineMeter.Start();
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                var (count, next) = await PageAsync(http, from);
                latencies.Add(Stopwatch.GetTimestamp() - started);
                events += count;
                if (next == from)
                    break;
                from = next;
            }
            var elapsed = clock.Elapsed;
            var machine = meter.Stop();
            if (from != head)
                throw new InvalidOperationException($"the feed stopped at position {from}, the store's head is {head}");
            return new CatchUp(events, latencies.Count, from, elapsed, LatencySummary.FromStopwatchTicks(latencies), machine);
        }
        finally
        {
            // Stopped before disposed, as ServiceHost does, so the background services see a stop and not a crash.
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(int Count, long Next)> PageAsync(HttpClient http, long from)
    {
        using var response = await http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/feed?from={from}&limit={PartnerFeed.MaxLimit}"), HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET /api/feed?from={from} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await using var body = await response.Content.ReadAsStreamAsync();
        using var page = await JsonDocument.ParseAsync(body);
        return (page.RootElement.GetProperty("events").GetArrayLength(), page.RootElement.GetProperty("next").GetInt64());
    }

    /// <summary>The feed's part of <c>EarlyWarning.Partners.Service</c> on <paramref name="path"/>, on a free port of 127.0.0.1.</summary>
    private static async Task<WebApplication> StartAsync(string path)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = path,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(BenchmarkPartners.Settings());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Stdout is the report: the host's logs go to stderr with the progress lines.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, HostLifetime>();
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        builder.AddPartners();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapPartnersApi();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }
}
