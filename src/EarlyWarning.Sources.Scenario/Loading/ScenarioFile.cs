namespace EarlyWarning.Sources.Scenario;

/// <summary>
/// A scenario: incident reports, corrections and retractions with the scenario time each is published at,
/// in order. Entries before <see cref="LiveFrom"/> are history, played at once; the rest are played on the
/// clock. Loaded whole and validated (see <see cref="Load(Stream, string)"/>): a file that loads can be played.
/// </summary>
public sealed class ScenarioFile
{
    /// <summary>The name of the scenario shipped in this assembly.</summary>
    public const string DefaultName = "balochistan-2026";

    private const string DefaultResource = "EarlyWarning.Sources.Scenario.balochistan-2026.json";

    private static readonly Lazy<ScenarioFile> Shipped = new(LoadShipped);

    internal ScenarioFile(
        string name,
        string? title,
        bool illustrative,
        string? notice,
        ScenarioSources? sources,
        DateTimeOffset liveFrom,
        IReadOnlyList<ScenarioEntry> messages)
    {
        Name = name;
        Title = title;
        Illustrative = illustrative;
        Notice = notice;
        Sources = sources;
        LiveFrom = liveFrom;
        Messages = messages;
    }

    /// <summary>
    /// The shipped scenario (<c>Scenarios/balochistan-2026.json</c>, embedded): illustrative data drawn from a
    /// published analysis of the attacks in Balochistan of 30–31 January 2026, with a 2024–2025 background.
    /// Loaded once, on first use.
    /// </summary>
    public static ScenarioFile Default => Shipped.Value;

    /// <summary>The file's name as it was given (for the shipped one, <c>balochistan-2026.json (embedded)</c>).</summary>
    public string Name { get; }

    public string? Title { get; }

    /// <summary>True when the file says its data are illustrative, not real incident records.</summary>
    public bool Illustrative { get; }

    /// <summary>What the file says about itself, e.g. that it is illustrative and where it is drawn from.</summary>
    public string? Notice { get; }

    public ScenarioSources? Sources { get; }

    /// <summary>The scenario time live play starts from: earlier entries are history.</summary>
    public DateTimeOffset LiveFrom { get; }

    /// <summary>The entries in publishing order (non-decreasing <see cref="ScenarioEntry.PublishAt"/>).</summary>
    public IReadOnlyList<ScenarioEntry> Messages { get; }

    /// <summary>The shipped scenario when <paramref name="path"/> is null, else the file at that path.</summary>
    /// <exception cref="ScenarioFileException">The file cannot be read or is not valid.</exception>
    public static ScenarioFile Open(string? path) => path is null ? Default : Load(path);

    /// <summary>Reads and validates the scenario file at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioFileException">The file cannot be read or is not valid.</exception>
    public static ScenarioFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioFileException(path, null, $"cannot be read: {ex.Message}", ex);
        }
        using (stream)
            return Load(stream, path);
    }

    /// <summary>
    /// Reads and validates a scenario. The JSON is checked as a whole before anything is returned: the top
    /// level, then each message, in order (its kind, its contract record, the vocabularies, the ids, its
    /// place in time and the report it refers to). The first problem found is thrown.
    /// </summary>
    /// <param name="json">The file's content, UTF-8 JSON.</param>
    /// <param name="name">The name errors give for the file.</param>
    /// <exception cref="ScenarioFileException">The file is not valid; the message names the entry and the problem.</exception>
    public static ScenarioFile Load(Stream json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        return ScenarioReader.Read(json, name);
    }

    /// <summary>What playing with <paramref name="options"/> publishes, and when.</summary>
    public ScenarioPlan Plan(ScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ScenarioPlan(this, options);
    }

    private static ScenarioFile LoadShipped()
    {
        using var stream = typeof(ScenarioFile).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded resource '{DefaultResource}' is missing from {typeof(ScenarioFile).Assembly.GetName().Name}.");
        return Load(stream, DefaultName + ".json (embedded)");
    }
}
