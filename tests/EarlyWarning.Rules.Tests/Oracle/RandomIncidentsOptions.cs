namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>How dense and how disorderly a <see cref="RandomIncidents"/> sequence is.</summary>
public sealed record RandomIncidentsOptions
{
    public DateTimeOffset Start { get; init; } = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How many incidents.</summary>
    public int Incidents { get; init; } = 120;

    /// <summary>Their occurred-at spread from <see cref="Start"/> (plus a random part of a day).</summary>
    public TimeSpan Span { get; init; } = TimeSpan.FromDays(10);

    /// <summary>How many bursts (a few hours, mostly in one province) <see cref="BurstShare"/> of the incidents fall in.</summary>
    public int Bursts { get; init; } = 10;

    public double BurstShare { get; init; } = 0.6;

    /// <summary>The rule set's; arrival jitter stays below it unless <see cref="BeyondLatenessRate"/> is set.</summary>
    public TimeSpan AllowedLateness { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Share of incidents corrected once or twice.</summary>
    public double CorrectionRate { get; init; } = 0.2;

    /// <summary>
    /// Share of incidents whose occurred-at a later version moves, from a day earlier to three days later (a more
    /// reliable report giving another time), arriving soon after the new time: often after the old one has passed the watermark.
    /// </summary>
    public double MoveRate { get; init; }

    /// <summary>Share of incidents withdrawn after their reports and corrections.</summary>
    public double RetractionRate { get; init; } = 0.08;

    /// <summary>Share of incidents first reported, and of incidents corrected or retracted again, after the lateness has passed.</summary>
    public double BeyondLatenessRate { get; init; }

    /// <summary>Share of incidents that occurred at the same minute as an earlier one.</summary>
    public double TieRate { get; init; } = 0.05;
}
