using EarlyWarning.Contracts.Reports;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Sources.Scenario;

/// <summary>
/// Plays a scenario onto the bus: the history at once, in order, then each live entry when it is due on
/// <paramref name="timeProvider"/>'s clock, <c>(publishAt − from) / speed</c> after live play started. Messages are
/// published one at a time, each awaited to the end: on RabbitMQ with publisher confirms that is the broker's
/// confirm, so a message is counted only once the broker has it, and the order of the file is the order on the bus.
/// Every message carries the headers <see cref="ScenarioHeader"/> (the scenario's name) and <see cref="RunHeader"/>
/// (this playback's id), so consumers and tests can tell scenario traffic from other traffic.
/// </summary>
public sealed partial class ScenarioPlayer(IPublishEndpoint publishEndpoint, TimeProvider timeProvider, ILogger<ScenarioPlayer> logger)
{
    /// <summary>The header naming the scenario a message comes from.</summary>
    public const string ScenarioHeader = "EarlyWarning-Scenario";

    /// <summary>The header carrying the playback's <see cref="ScenarioSummary.RunId"/>.</summary>
    public const string RunHeader = "EarlyWarning-Scenario-Run";

    /// <summary>Plays <paramref name="scenario"/> as <paramref name="options"/> say; see <see cref="PlayAsync(ScenarioPlan, CancellationToken)"/>.</summary>
    public Task<ScenarioSummary> PlayAsync(ScenarioFile scenario, ScenarioOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return PlayAsync(scenario.Plan(options), cancellationToken);
    }

    /// <summary>
    /// Publishes the plan's history, then its live entries on the clock. Cancelling stops the playback (also a
    /// publish in flight, which is then not counted) and returns the summary so far, with
    /// <see cref="ScenarioSummary.Stopped"/> set; it does not throw.
    /// </summary>
    /// <exception cref="ScenarioPlaybackException">A publish failed (e.g. the broker went away); nothing after it was published.</exception>
    public async Task<ScenarioSummary> PlayAsync(ScenarioPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var summary = new ScenarioSummary(Guid.NewGuid(), 0, 0, 0, plan.Count, Stopped: false);
        LogStarting(plan.Scenario.Name, summary.RunId, plan.History.Count, plan.Live.Count, plan.From, plan.Speed.ToString());
        try
        {
            foreach (var entry in plan.History)
            {
                cancellationToken.ThrowIfCancellationRequested();
                summary = await PublishAsync(plan, entry, summary, cancellationToken).ConfigureAwait(false);
            }
            if (plan.History.Count > 0)
                LogHistoryPublished(plan.History.Count, plan.History[0].PublishAt, plan.History[^1].PublishAt);

            // Due times are measured from one start, not added up wait by wait, so slow publishes do not accumulate drift.
            var start = timeProvider.GetTimestamp();
            foreach (var entry in plan.Live)
            {
                var wait = plan.DueAfter(entry) - timeProvider.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                summary = await PublishAsync(plan, entry, summary, cancellationToken).ConfigureAwait(false);
                LogLive(entry.PublishAt, Describe(entry));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            summary = summary with { Stopped = true };
            LogStopped(summary.Published, summary.Planned);
            return summary;
        }
        LogFinished(summary.ToString());
        return summary;
    }

    private async Task<ScenarioSummary> PublishAsync(ScenarioPlan plan, ScenarioEntry entry, ScenarioSummary summary, CancellationToken cancellationToken)
    {
        var name = plan.Scenario.Name;
        var run = summary.RunId.ToString("D");
        try
        {
            var publishing = entry switch
            {
                ReportEntry r => publishEndpoint.Publish(r.Report, Mark<IncidentReported>(name, run), cancellationToken),
                CorrectionEntry c => publishEndpoint.Publish(c.Correction, Mark<IncidentCorrected>(name, run), cancellationToken),
                RetractionEntry x => publishEndpoint.Publish(x.Retraction, Mark<IncidentRetracted>(name, run), cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "Unknown kind."),
            };
            await publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new ScenarioPlaybackException(entry, summary, ex);
        }
        LogPublished(entry.Index, entry.Kind, entry.SourceId, entry.ReportId);
        return summary.Add(entry);
    }

    private static IPipe<PublishContext<T>> Mark<T>(string scenario, string run)
        where T : class =>
        Pipe.Execute<PublishContext<T>>(context =>
        {
            context.Headers.Set(ScenarioHeader, scenario);
            context.Headers.Set(RunHeader, run);
        });

    private static string Describe(ScenarioEntry entry) => entry switch
    {
        ReportEntry { Report: var r } => $"{r.SourceId} reports {r.IncidentType} in {Where(r.Location)}{Killed(r.Casualties)}",
        CorrectionEntry { Correction: var c } => $"{c.SourceId} corrects its report {c.ReportId}{Revised(c.Casualties)}",
        RetractionEntry { Retraction: var x } => $"{x.SourceId} retracts its report {x.ReportId}: {x.Reason}",
        _ => entry.Kind,
    };

    private static string Where(ReportedLocation location) =>
        string.Join(", ", new[] { location.Place, location.District, location.Province }.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.OrdinalIgnoreCase));

    private static string Revised(Casualties? casualties)
    {
        var sides = new[] { ("security forces", casualties?.SecurityForces), ("civilians", casualties?.Civilians), ("militants", casualties?.Militants) }
            .Where(s => s.Item2 is not null)
            .Select(s => $"{s.Item1} {string.Join(", ", new[] { s.Item2!.Killed is { } k ? $"{k} killed" : null, s.Item2.Injured is { } i ? $"{i} injured" : null }.Where(f => f is not null))}")
            .ToList();
        return sides.Count == 0 ? "" : ": " + string.Join("; ", sides);
    }

    private static string Killed(Casualties? casualties)
    {
        var killed = (casualties?.SecurityForces?.Killed ?? 0) + (casualties?.Civilians?.Killed ?? 0) + (casualties?.Militants?.Killed ?? 0);
        return killed > 0 ? $", {killed} killed" : "";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Playing {Scenario} (run {RunId}): {History} history messages at once, then {Live} live from {From:yyyy-MM-dd HH:mm zzz} at speed {Speed}")]
    private partial void LogStarting(string scenario, Guid runId, int history, int live, DateTimeOffset from, string speed);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "History published: {Count} messages, {First:yyyy-MM-dd HH:mm zzz} to {Last:yyyy-MM-dd HH:mm zzz}")]
    private partial void LogHistoryPublished(int count, DateTimeOffset first, DateTimeOffset last);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{PublishAt:yyyy-MM-dd HH:mm zzz} {What}")]
    private partial void LogLive(DateTimeOffset publishAt, string what);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Published messages[{Index}]: {Kind} {SourceId}/{ReportId}")]
    private partial void LogPublished(int index, string kind, string sourceId, string reportId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Playback stopped after {Published} of {Planned} messages")]
    private partial void LogStopped(int published, int planned);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Playback finished: {Summary}")]
    private partial void LogFinished(string summary);
}
