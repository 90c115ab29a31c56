using System.Diagnostics;
using System.Threading.Channels;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest.Correlation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Ingest.Pipeline;

/// <summary>
/// The one path every accepted message takes, whether it came over HTTP or the bus. A single loop decides:
/// duplicates, correlation and consolidation read and update the <see cref="IncidentIndex"/> without locks,
/// in arrival order. It takes whatever is waiting (up to <see cref="MaxBatch"/> works), decides each against the
/// index as left by the ones before it, and hands every work's appends to the store at once, each as its own
/// unit: the store's group commit makes them one transaction, yet one work's conflict fails only that work.
/// A source hears its outcome only when its append is durable (decision 0007).
/// </summary>
/// <remarks>
/// The index is a cache of the store, which stays the judge: each report's own stream is appended with
/// "no stream", each incident's with its exact revision. When another writer got there first (another ingest
/// instance, or a failed commit), the work's streams are read back, the index is rebuilt from them, and the
/// work is decided again; so a report is recorded once even when the index is stale.
/// </remarks>
internal sealed class IngestPipeline(
    IEventStore store,
    EventTypeRegistry registry,
    IngestOptions options,
    ILogger<IngestPipeline> logger) : BackgroundService
{
    internal const int MaxBatch = 1024;
    private const int MaxConflicts = 5;

    private readonly Channel<IngestWork> _queue = Channel.CreateUnbounded<IngestWork>(new UnboundedChannelOptions { SingleReader = true });
    private IncidentIndex _index = new();

    // Set when a failed append could not be re-read: the index may be ahead of the store until rebuilt.
    private bool _stale;

    // What the batches in flight decided but have not committed yet. A message that would be answered
    // "duplicate" (or refused) because of one of these waits until that batch is settled: should the first
    // append fail, the second must not have been told its message was already recorded.
    private (HashSet<string>? Previous, HashSet<string> Current) _marks = (null, new HashSet<string>(StringComparer.Ordinal));
    private readonly List<IngestWork> _deferred = [];
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the index has been built from the store and the loop takes work.</summary>
    public Task Loaded => _loaded.Task;

    public Task<IngestOutcome> SubmitAsync(IngestWork work, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(work))
            throw new InvalidOperationException("Ingest is shutting down.");
        // Cancelling stops the wait, not the work: it may still be recorded, and sent again it is a duplicate.
        return work.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoadAsync(stoppingToken).ConfigureAwait(false);
            _loaded.TrySetResult();
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogCritical(exception, "The ingest loop stopped");
            _loaded.TrySetException(exception);
            throw;
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var work))
                work.Completion.TrySetException(new OperationCanceledException("Ingest stopped before this message was recorded."));
        }
    }

    /// <summary>Rebuilds the whole index from the store; while that fails, the waiting works fail with the reason.</summary>
    private async Task<bool> TryReloadAsync(List<IngestWork> batch, CancellationToken cancellationToken)
    {
        try
        {
            _index = new IncidentIndex();
            await LoadAsync(cancellationToken).ConfigureAwait(false);
            _stale = false;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Ingest could not rebuild its index from the store; {Count} messages fail", batch.Count);
            foreach (var work in batch)
                work.Completion.TrySetException(exception);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await foreach (var recorded in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(IncidentStreams.IncidentPrefix), cancellationToken).ConfigureAwait(false))
        {
            if (registry.Deserialize(recorded) is { } @event)
                _index.Apply(@event, recorded.Revision.Value);
        }
        logger.LogInformation("Ingest knows {Incidents} incidents from {Reports} reports (loaded in {Elapsed} ms)", _index.IncidentCount, _index.ReportCount, watch.ElapsedMilliseconds);
    }

    /// <summary>
    /// Decides a batch while the one before it commits: deciding is CPU on this thread, committing is the
    /// store's I/O, and they overlap. A batch is decided on the index as the batch before left it, committed
    /// or not; the store's expectations catch anything decided on an append that then failed.
    /// </summary>
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = new List<IngestWork>();
        InFlight? previous = null;
        // Works to decide again go first; a batch in flight is settled before waiting for new work.
        while (retry.Count > 0 || previous is not null || await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var batch = new List<IngestWork>(Math.Min(MaxBatch, retry.Count + 64));
            batch.AddRange(retry);
            retry.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var work))
                batch.Add(work);
            if (previous is not null && (batch.Count == 0 || _stale))
            {
                await SettleAsync(previous, retry, cancellationToken).ConfigureAwait(false);
                previous = null;
            }
            if (batch.Count == 0)
                continue;
            if (_stale && !await TryReloadAsync(batch, cancellationToken).ConfigureAwait(false))
                continue;

            var current = new InFlight();
            _marks = (previous?.Marks, current.Marks);
            foreach (var work in batch)
            {
                IngestPlan? plan;
                try
                {
                    plan = Decide(work);
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Could not decide an ingest message");
                    work.Completion.TrySetException(exception);
                    continue;
                }
                if (plan is not null)
                    current.Plans.Add((plan, store.AppendAsync(plan.Appends, null, cancellationToken)));
            }

            if (previous is not null)
                await SettleAsync(previous, retry, cancellationToken).ConfigureAwait(false);
            previous = current;
            retry.AddRange(_deferred);
            _deferred.Clear();
        }
    }

    /// <summary>Waits for a batch's appends and answers each sender; a conflict re-reads the store and decides again.</summary>
    private async Task SettleAsync(InFlight batch, List<IngestWork> retry, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        foreach (var (plan, append) in batch.Plans)
        {
            try
            {
                var results = await append.ConfigureAwait(false);
                plan.Work.Completion.TrySetResult(new IngestOutcome(plan.Status, plan.IncidentId, results[^1].LastPosition.Value, []));
            }
            catch (Exception exception) when (exception is WrongExpectedVersionException or DuplicateEventIdException && plan.Work.Conflicts < MaxConflicts)
            {
                plan.Work.Conflicts++;
                conflicts++;
                retry.Add(plan.Work);
                await ResyncAsync(plan, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                plan.Work.Completion.TrySetException(exception);
                await ResyncAsync(plan, cancellationToken).ConfigureAwait(false);
            }
        }
        batch.Marks.Clear();
        if (conflicts > 0)
            logger.LogInformation("{Count} ingest messages met another writer's appends; deciding them again", conflicts);
    }

    /// <summary>Rebuilds what a failed plan touched from the store, which may or may not hold another writer's version.</summary>
    private async Task ResyncAsync(IngestPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            // The incident first: forgetting it forgets its reports too, the failed one among them.
            _index.Forget(plan.IncidentId);
            await foreach (var recorded in store.ReadStreamAsync(IncidentStreams.Incident(plan.IncidentId), Direction.Forwards, StreamRevision.Start, long.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                if (registry.Deserialize(recorded) is { } @event)
                    _index.Apply(@event, recorded.Revision.Value);
            }
            if (plan.NewReport is { } report)
            {
                _index.ForgetReport(report);
                await foreach (var recorded in store.ReadStreamAsync(IncidentStreams.Report(report.SourceId, report.ReportId), Direction.Forwards, StreamRevision.Start, 1, cancellationToken).ConfigureAwait(false))
                {
                    if (registry.Deserialize(recorded) is ReportAccepted accepted)
                        _index.RememberReport(report, accepted.IncidentId);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The store is unreachable too: the index may be ahead of it, so it is rebuilt before the next decision.
            logger.LogError(exception, "Could not re-read incident {IncidentId} after a failed append", plan.IncidentId);
            _stale = true;
        }
    }

    private IngestPlan? Decide(IngestWork work) => work switch
    {
        ReportWork report => DecideReport(report),
        CorrectionWork correction => DecideCorrection(correction),
        RetractionWork retraction => DecideRetraction(retraction),
        _ => throw new ArgumentException($"Unknown ingest work {work.GetType().Name}.", nameof(work)),
    };

    private IngestPlan? DecideReport(ReportWork work)
    {
        var report = work.Report;
        var key = IncidentState.Key(report);
        if (_index.IncidentOf(key) is { } known)
            return Settled(work, ReportMark(key)) ? Done(work, IngestOutcome.Duplicate(known)) : null;

        var match = _index.FindMatch(report, options.CorrelationWindow);
        if (match is not null && !Settled(work, IncidentMark(match.Id)))
            return null;
        object @event;
        ExpectedRevision expected;
        string incidentId;
        if (match is null)
        {
            incidentId = EventIds.New().ToString("N");
            var summary = Consolidation.Summarize(incidentId, [report], new HashSet<ReportKey>());
            @event = new IncidentRecorded(incidentId, report, summary);
            expected = ExpectedRevision.NoStream;
        }
        else
        {
            incidentId = match.Id;
            var summary = Consolidation.Summarize(incidentId, [.. match.Reports, report], match.Retracted);
            @event = new IncidentCorroborated(incidentId, report, summary);
            expected = ExpectedRevision.Exact(new StreamRevision(match.Revision));
        }

        var appends = new[]
        {
            new StreamAppend(IncidentStreams.Report(report.SourceId, report.ReportId), ExpectedRevision.NoStream,
                [registry.ToEventData(new ReportAccepted(report.SourceId, report.ReportId, incidentId, match is not null), EventIds.New(), work.Metadata)]),
            new StreamAppend(IncidentStreams.Incident(incidentId), expected, [registry.ToEventData(@event, EventIds.New(), work.Metadata)]),
        };
        _index.Apply(@event, (match?.Revision ?? -1) + 1);
        _marks.Current.Add(ReportMark(key));
        _marks.Current.Add(IncidentMark(incidentId));
        return new IngestPlan(work, appends, match is null ? IngestStatus.Recorded : IngestStatus.Corroborated, incidentId, key);
    }

    private IngestPlan? DecideCorrection(CorrectionWork work)
    {
        var correction = work.Correction;
        if (Locate(work, correction.SourceId, correction.ReportId) is not { } incident || !Settled(work, IncidentMark(incident.Id)))
            return null;
        var correctionKey = new ReportKey(correction.SourceId, correction.CorrectionId);
        if (incident.Corrections.Contains(correctionKey))
            return Settled(work, CorrectionMark(correctionKey)) ? Done(work, IngestOutcome.Duplicate(incident.Id)) : null;
        var key = new ReportKey(correction.SourceId, correction.ReportId);
        if (incident.Retracted.Contains(key))
        {
            if (!Settled(work, RetractionMark(key)))
                return null;
            return Done(work, new IngestOutcome(IngestStatus.Conflict, incident.Id, null, [new FieldError("reportId",
                $"Report '{correction.ReportId}' of source '{correction.SourceId}' was retracted; a retracted report cannot be corrected.")]));
        }

        var before = incident.Reports[incident.IndexOf(key)];
        var after = before with
        {
            Casualties = Merge(before.Casualties, correction.Casualties),
            IncidentType = correction.IncidentType ?? before.IncidentType,
            Perpetrator = correction.Perpetrator ?? before.Perpetrator,
            ClaimStatus = correction.ClaimStatus ?? before.ClaimStatus,
        };
        var reports = incident.Reports.Select(r => IncidentState.Key(r) == key ? after : r).ToList();
        var @event = new ReportCorrected(incident.Id, correction.SourceId, correction.ReportId, correction.CorrectionId, correction.CorrectedAt,
            after, correction.Note, Consolidation.Summarize(incident.Id, reports, incident.Retracted));
        _marks.Current.Add(CorrectionMark(correctionKey));
        return Change(work, incident, @event, IngestStatus.Corrected);
    }

    private IngestPlan? DecideRetraction(RetractionWork work)
    {
        var retraction = work.Retraction;
        if (Locate(work, retraction.SourceId, retraction.ReportId) is not { } incident || !Settled(work, IncidentMark(incident.Id)))
            return null;
        var key = new ReportKey(retraction.SourceId, retraction.ReportId);
        if (incident.Retracted.Contains(key))
            return Settled(work, RetractionMark(key)) ? Done(work, IngestOutcome.Duplicate(incident.Id)) : null;
        _marks.Current.Add(RetractionMark(key));
        var @event = new ReportRetracted(incident.Id, retraction.SourceId, retraction.ReportId, retraction.RetractedAt, retraction.Reason,
            Consolidation.Summarize(incident.Id, incident.Reports, new HashSet<ReportKey>(incident.Retracted) { key }));
        return Change(work, incident, @event, IngestStatus.Retracted);
    }

    private IncidentState? Locate(IngestWork work, string sourceId, string reportId)
    {
        if (_index.IncidentOf(new ReportKey(sourceId, reportId)) is { } incidentId && _index.Find(incidentId) is { } incident)
            return incident;
        Done(work, new IngestOutcome(IngestStatus.UnknownReport, null, null,
            [new FieldError("reportId", $"No report '{reportId}' of source '{sourceId}' is recorded; only a recorded report can be corrected or retracted.")]));
        return null;
    }

    private IngestPlan Change(IngestWork work, IncidentState incident, object @event, IngestStatus status)
    {
        _marks.Current.Add(IncidentMark(incident.Id));
        var append = new StreamAppend(IncidentStreams.Incident(incident.Id), ExpectedRevision.Exact(new StreamRevision(incident.Revision)), [registry.ToEventData(@event, EventIds.New(), work.Metadata)]);
        _index.Apply(@event, incident.Revision + 1);
        return new IngestPlan(work, [append], status, incident.Id, null);
    }

    /// <summary>False, and the work waits for the next batch, when what it depends on is not committed yet.</summary>
    private bool Settled(IngestWork work, string mark)
    {
        if (!_marks.Current.Contains(mark) && _marks.Previous?.Contains(mark) != true)
            return true;
        _deferred.Add(work);
        return false;
    }

    private static string ReportMark(ReportKey key) => "report:" + key;

    // One uncommitted change per incident at a time: a change decided on top of another that then failed
    // could otherwise pass the store's revision check against a third writer's event, with a wrong summary.
    private static string IncidentMark(string incidentId) => "incident:" + incidentId;

    private static string CorrectionMark(ReportKey key) => "correction:" + key;

    private static string RetractionMark(ReportKey key) => "retraction:" + key;

    private static IngestPlan? Done(IngestWork work, IngestOutcome outcome)
    {
        work.Completion.TrySetResult(outcome);
        return null;
    }

    /// <summary>A correction's figures over the report's: a side or figure the correction leaves null stays as it was.</summary>
    private static Casualties Merge(Casualties before, Casualties? correction)
    {
        if (correction is null)
            return before;
        static SideCasualties? Side(SideCasualties? old, SideCasualties? revised) =>
            revised is null ? old : new SideCasualties(revised.Killed ?? old?.Killed, revised.Injured ?? old?.Injured);
        return new Casualties(
            Side(before.SecurityForces, correction.SecurityForces),
            Side(before.Civilians, correction.Civilians),
            Side(before.Militants, correction.Militants));
    }

    /// <summary>A batch whose appends are in the store's hands, and what it decided but has not committed.</summary>
    private sealed class InFlight
    {
        public List<(IngestPlan Plan, Task<IReadOnlyList<AppendResult>> Append)> Plans { get; } = [];

        public HashSet<string> Marks { get; } = new(StringComparer.Ordinal);
    }
}
