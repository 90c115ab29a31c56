using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace EarlyWarning.Rules.Processing;

/// <summary>
/// One string instance per distinct short value read, instead of one per read: an incident's province, district,
/// type, sources and the like repeat across a million incidents, and much of what is decoded stays reachable for a
/// whole back-test (the engine's windows, the incidents every warning lists), so sharing them took about a third
/// off the back-test's heap (290 to 195 MB over 200,000 incidents) and a sixth off its garbage collection pauses.
/// Bounded, since some values (a place as reported) are free text. Not thread-safe: one pool per thread.
/// </summary>
internal sealed class StringPool
{
    // Longer values are rarely repeated; the bound also lets a value be unescaped into a stack buffer.
    private const int MaxBytes = 64;

    private const int MaxStrings = 4096;

    // Open addressing, at most half full: MaxStrings values in twice as many slots.
    private const int Slots = MaxStrings * 2;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    // The values met as UTF-8 without escapes, keyed by their bytes: a value read before is found without
    // transcoding it or checking it again, since the same bytes were checked when it was first met.
    private readonly byte[]?[] _utf8 = new byte[Slots][];
    private readonly string[] _utf8Strings = new string[Slots];
    private int _utf8Count;

    /// <summary>The string token the reader is on, as <see cref="Utf8JsonReader.GetString"/> reads it.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        // A value is never longer in UTF-16 code units than in (escaped) UTF-8 bytes, so it fits the buffer.
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes)
            return reader.GetString()!;
        Span<char> chars = stackalloc char[MaxBytes];
        return Shared(chars[..reader.CopyString(chars)]);
    }

    /// <summary>
    /// The string of the text between a JSON string's quotes, <paramref name="utf8"/>, when it has no escape; null
    /// when it holds a control character or is not valid UTF-8, which a JSON string cannot hold unescaped.
    /// </summary>
    public string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
            return Checked(utf8) ? Encoding.UTF8.GetString(utf8) : null;
        var slot = (int)Hash(utf8) & (Slots - 1);
        while (_utf8[slot] is { } key)
        {
            if (utf8.SequenceEqual(key))
                return _utf8Strings[slot];
            slot = (slot + 1) & (Slots - 1);
        }
        if (!Checked(utf8))
            return null;
        Span<char> chars = stackalloc char[MaxBytes];
        var shared = Shared(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        if (_utf8Count < MaxStrings)
        {
            _utf8[slot] = utf8.ToArray();
            _utf8Strings[slot] = shared;
            _utf8Count++;
        }
        return shared;
    }

    /// <summary>Whether <paramref name="utf8"/> is valid UTF-8 without control characters, as JSON allows a string's text unescaped.</summary>
    public static bool Checked(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyInRange((byte)0, (byte)0x1F) < 0 && Utf8.IsValid(utf8);

    private string Shared(ReadOnlySpan<char> value)
    {
        if (_strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var shared))
            return shared;
        shared = new string(value);
        if (_strings.Count < MaxStrings)
            _strings.Add(shared, shared);
        return shared;
    }

    /// <summary>A multiplicative hash of the bytes eight at a time; for short values, not against adversaries (the table is bounded).</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length;
        while (bytes.Length >= sizeof(ulong))
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0x9E3779B97F4A7C15UL, 29);
            bytes = bytes[sizeof(ulong)..];
        }
        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
            tail |= (ulong)bytes[i] << (8 * i);
        hash = (hash ^ tail) * 0x9E3779B97F4A7C15UL;
        return (uint)(hash >> 32);
    }
}
