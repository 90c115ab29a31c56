namespace EarlyWarning.EventStore.Sqlite;

/// <summary>
/// Event ids are stored big-endian (RFC 9562 byte order), so time-ordered v7 ids sort by time in the
/// unique index and appends touch its last pages instead of random ones. .NET's default byte order
/// would scramble the timestamp. The benchmarks show the difference (docs/benchmarks.md).
/// </summary>
internal static class EventIdBytes
{
    public static byte[] From(Guid id) => id.ToByteArray(bigEndian: true);

    public static Guid ToGuid(byte[] bytes) => new(bytes, bigEndian: true);
}
