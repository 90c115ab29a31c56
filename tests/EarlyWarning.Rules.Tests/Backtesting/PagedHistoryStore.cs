using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using EarlyWarning.Rules.Processing;
using Microsoft.Extensions.Logging.Abstractions;
using static EarlyWarning.Rules.Tests.Engine.EngineFixture;

namespace EarlyWarning.Rules.Tests.Backtesting;

/// <summary>
/// A SQLite store holding six back-test pages' worth of incident events (a page is 8,192), more than the reader may
/// run ahead of the engine, so that it has to wait for it. Incidents are recorded out of event-time order (every
/// seventh up to a day late), some are corrected later, and events of other streams and of types the back-test
/// does not read are mixed in. Built once for the tests that share it.
/// </summary>
public sealed class PagedHistoryStore : IAsyncLifetime
{
    public const int Incidents = 50_000;

    private static readonly string[] Districts = ["quetta", "kech", "gwadar", "panjgur", "mastung", "kalat", "peshawar", "swat", "khyber"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ew-rules-tests", Guid.NewGuid().ToString("N"));

    public SqliteEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Store = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(Path.Combine(_folder, "store.db")) { Synchronous = "OFF" }, null, NullLogger.Instance);
        var registry = ContractTypes.CreateRegistry();
        for (var start = 0; start < Incidents; start += 1_000)
        {
            var appends = new List<StreamAppend>();
            for (var i = start; i < start + 1_000; i++)
            {
                var hours = i * 0.25 - (i % 7 == 0 ? i % 24 : 0);
                var incident = Incident($"i{i:D5}", Districts[i % Districts.Length], hours, killed: i % 4);
                appends.Add(Append(IncidentStreams.Incident(incident.IncidentId), registry.ToEventData(new IncidentRecorded(incident.IncidentId, ReportOf(incident), incident), EventIds.New())));
                if (i % 100 == 50)
                {
                    // An incident event outside the incident streams: read only if the filter were lost.
                    var stray = Incident($"stray-{i}", "quetta", hours);
                    appends.Add(Append(new StreamName($"elsewhere-{i}"), registry.ToEventData(new IncidentRecorded(stray.IncidentId, ReportOf(stray), stray), EventIds.New())));
                }
                if (i % 100 == 60)
                    appends.Add(Append(IncidentStreams.Incident($"note-{i}"), new EventData(EventIds.New(), "V1.SomethingElse", "{}")));
                if (i % 10 == 5 && i >= 20)
                {
                    // A correction of an incident recorded twenty before: the same stream's second event.
                    var earlier = Incident($"i{i - 20:D5}", Districts[(i - 20) % Districts.Length], (i - 20) * 0.25, killed: 10);
                    var corrected = new ReportCorrected(earlier.IncidentId, "src", "r", $"c-{i}", T0, ReportOf(earlier), null, earlier);
                    appends.Add(new StreamAppend(IncidentStreams.Incident(earlier.IncidentId), ExpectedRevision.Any, [registry.ToEventData(corrected, EventIds.New())]));
                }
            }
            await Store.AppendAsync(appends);
        }
    }

    /// <summary>What the back-test must evaluate: every incident event's summary with its recorded time, in store order, read on this thread.</summary>
    public async Task<List<(IncidentSummary Incident, DateTimeOffset RecordedAt)>> InStoreOrderAsync()
    {
        var incidents = new List<(IncidentSummary, DateTimeOffset)>();
        await foreach (var recorded in Store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(IncidentStreams.IncidentPrefix)))
        {
            if (IncidentEventDecoder.Carries(recorded) && IncidentEventDecoder.Decode(recorded) is { } incident)
                incidents.Add((incident, recorded.RecordedAt));
        }
        return incidents;
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static StreamAppend Append(StreamName stream, EventData data) => new(stream, ExpectedRevision.NoStream, [data]);

    private static RecordedReport ReportOf(IncidentSummary incident) => new(
        "src", "r", incident.BestReliability, 2, incident.OccurredAt, incident.OccurredAt, incident.OccurredAtPrecision, incident.Location,
        incident.IncidentType, incident.Targets, incident.Casualties, incident.Perpetrator, incident.ClaimStatus, "text");
}
