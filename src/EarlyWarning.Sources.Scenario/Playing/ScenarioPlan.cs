using System.Globalization;

namespace EarlyWarning.Sources.Scenario;

/// <summary>
/// What playing a scenario with given options publishes, and when: the history, at once, then each live entry
/// at <c>(publishAt − from) / speed</c> of real time after live play starts.
/// </summary>
public sealed class ScenarioPlan
{
    internal ScenarioPlan(ScenarioFile scenario, ScenarioOptions options)
    {
        Scenario = scenario;
        From = options.From ?? scenario.LiveFrom;
        Speed = options.Speed;
        var history = scenario.Messages.Where(m => m.PublishAt < From).ToList();
        History = options.OnlyLive ? [] : history;
        Skipped = options.OnlyLive ? history.Count : 0;
        Live = scenario.Messages.Where(m => m.PublishAt >= From).ToList();
    }

    public ScenarioFile Scenario { get; }

    /// <summary>The scenario time live play starts from.</summary>
    public DateTimeOffset From { get; }

    public ScenarioSpeed Speed { get; }

    /// <summary>The entries published at once, before live play (empty with <see cref="ScenarioOptions.OnlyLive"/>).</summary>
    public IReadOnlyList<ScenarioEntry> History { get; }

    /// <summary>The entries published on the clock.</summary>
    public IReadOnlyList<ScenarioEntry> Live { get; }

    /// <summary>History entries left out (<see cref="ScenarioOptions.OnlyLive"/>).</summary>
    public int Skipped { get; }

    /// <summary>Every entry the plan publishes, in order.</summary>
    public IEnumerable<ScenarioEntry> Messages => History.Concat(Live);

    public int Count => History.Count + Live.Count;

    /// <summary>The real time live play takes, from its start to the last entry.</summary>
    public TimeSpan LiveDuration => Live.Count == 0 ? TimeSpan.Zero : DueAfter(Live[^1]);

    /// <summary>When, after live play starts, <paramref name="entry"/> is due (zero for history).</summary>
    public TimeSpan DueAfter(ScenarioEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.PublishAt <= From ? TimeSpan.Zero : Speed.Scale(entry.PublishAt - From);
    }

    /// <summary>How many entries of each kind the plan publishes, by <see cref="ScenarioEntryKinds"/>.</summary>
    public IReadOnlyDictionary<string, int> CountByKind() =>
        ScenarioEntryKinds.All.ToDictionary(k => k, k => Messages.Count(m => m.Kind == k), StringComparer.Ordinal);

    /// <summary>The plan for a person: what is published, of which kinds, over which times (what --dry-run prints).</summary>
    public IReadOnlyList<string> Describe()
    {
        var counts = CountByKind();
        var lines = new List<string>
        {
            $"Scenario {Scenario.Name}{(Scenario.Illustrative ? " (illustrative data)" : "")}: {Count} messages would be published: {ScenarioSummary.Kinds(counts)}.",
            History.Count > 0
                ? $"History: {History.Count} messages at once, publishAt {Format(History[0].PublishAt)} to {Format(History[^1].PublishAt)}."
                : Skipped > 0 ? $"History: none ({Skipped} messages before {Format(From)} left out by --only-live)." : "History: none.",
            Live.Count > 0
                ? $"Live: {Live.Count} messages, publishAt {Format(Live[0].PublishAt)} to {Format(Live[^1].PublishAt)}, from {Format(From)} at speed {Speed}: {Duration(LiveDuration)} of real time."
                : $"Live: none (nothing is published from {Format(From)} on).",
        };
        return lines;
    }

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span:hh\\:mm\\:ss}" : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
