namespace EarlyWarning.Contracts.Reports;

/// <summary>Killed and injured by side. A side left null was not reported, which is not the same as none.</summary>
/// <param name="SecurityForces">Police, Frontier Corps, army, navy, Counter-Terrorism Department and other state forces.</param>
/// <param name="Civilians">Civilians, including officials and foreign nationals who are not combatants.</param>
/// <param name="Militants">Attackers and militants, including suicide bombers.</param>
public sealed record Casualties(
    SideCasualties? SecurityForces = null,
    SideCasualties? Civilians = null,
    SideCasualties? Militants = null)
{
    /// <summary>No figures reported for any side.</summary>
    public static Casualties None { get; } = new();
}
