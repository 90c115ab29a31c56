namespace EarlyWarning.EventStore.Sqlite;

/// <summary>recorded_at is stored as microseconds since the Unix epoch, UTC.</summary>
internal static class MicrosecondTime
{
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) => new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * 10), TimeSpan.Zero);
}
