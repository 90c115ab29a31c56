using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>Shorthands for the hand-written parts: Pakistan Standard Time (UTC+05:00), figures, places.</summary>
internal static class Pk
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Offset);

    public static ReportedLocation Balochistan(string district, string? place = null) => new("Balochistan", district, place);

    public static ReportedLocation Kp(string district, string? place = null) => new("Khyber Pakhtunkhwa", district, place);

    /// <summary>Killed and injured per side; a side with neither is left out (not reported).</summary>
    public static Casualties Toll(int security = 0, int securityInjured = 0, int civilians = 0, int civiliansInjured = 0, int militants = 0) =>
        new(
            security > 0 || securityInjured > 0 ? new SideCasualties(security, securityInjured) : null,
            civilians > 0 || civiliansInjured > 0 ? new SideCasualties(civilians, civiliansInjured) : null,
            militants > 0 ? new SideCasualties(militants) : null);
}
