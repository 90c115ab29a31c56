using System.Globalization;

namespace EarlyWarning.Sources.Scenario;

/// <summary>
/// How much faster than real time live entries are played: a factor of at least 1, or <see cref="Max"/>
/// (no waits at all).
/// </summary>
public readonly record struct ScenarioSpeed
{
    private ScenarioSpeed(double factor) => Factor = factor;

    /// <summary>Scenario time as it passes: an hour of scenario takes an hour.</summary>
    public static ScenarioSpeed RealTime { get; } = new(1);

    /// <summary>As fast as the bus takes the messages.</summary>
    public static ScenarioSpeed Max { get; } = new(double.PositiveInfinity);

    /// <summary>The default: ten scenario minutes a second, so the night of 30–31 January takes about half a minute.</summary>
    public static ScenarioSpeed Default { get; } = new(600);

    /// <summary>The factor; positive infinity for <see cref="Max"/>.</summary>
    public double Factor { get; }

    public bool IsMax => double.IsPositiveInfinity(Factor);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is below 1 or not a number.</exception>
    public static ScenarioSpeed Of(double factor) =>
        factor >= 1 ? new ScenarioSpeed(factor) : throw new ArgumentOutOfRangeException(nameof(factor), factor, "A speed is at least 1.");

    /// <summary>Reads <c>max</c> or a number of at least 1 (<c>60</c>, <c>2.5</c>).</summary>
    public static bool TryParse(string? text, out ScenarioSpeed speed)
    {
        speed = default;
        if (text is null)
            return false;
        if (string.Equals(text.Trim(), "max", StringComparison.OrdinalIgnoreCase))
        {
            speed = Max;
            return true;
        }
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor) && factor >= 1 && double.IsFinite(factor))
        {
            speed = new ScenarioSpeed(factor);
            return true;
        }
        return false;
    }

    /// <summary>The real time a stretch of scenario time takes at this speed (zero at <see cref="Max"/>).</summary>
    public TimeSpan Scale(TimeSpan scenarioTime) => IsMax ? TimeSpan.Zero : scenarioTime / Factor;

    public override string ToString() => IsMax ? "max" : Factor.ToString("0.###", CultureInfo.InvariantCulture) + "x";
}
