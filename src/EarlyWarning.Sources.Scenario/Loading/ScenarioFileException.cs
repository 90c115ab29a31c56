namespace EarlyWarning.Sources.Scenario;

/// <summary>
/// A scenario file cannot be read or is not valid. The message names the file and, for a bad message,
/// its index in <c>messages</c> and what is wrong: <c>city.json: messages[12]: occurredAt … is after reportedAt …</c>.
/// </summary>
public sealed class ScenarioFileException : Exception
{
    public ScenarioFileException(string file, int? index, string problem, Exception? inner = null)
        : base($"{file}: {(index is null ? "" : $"messages[{index}]: ")}{problem}", inner)
    {
        File = file;
        Index = index;
        Problem = problem;
    }

    /// <summary>The file's name as the caller gave it.</summary>
    public string File { get; }

    /// <summary>The index of the bad message in <c>messages</c>, or null when the problem is not one message's.</summary>
    public int? Index { get; }

    /// <summary>What is wrong, without the file and index.</summary>
    public string Problem { get; }
}
