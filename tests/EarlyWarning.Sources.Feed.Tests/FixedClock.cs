namespace EarlyWarning.Sources.Feed.Tests;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock April2026 { get; } = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
