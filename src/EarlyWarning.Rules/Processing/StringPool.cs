using System.Text.Json;

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

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The string token the reader is on, as <see cref="Utf8JsonReader.GetString"/> reads it.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        // A value is never longer in UTF-16 code units than in (escaped) UTF-8 bytes, so it fits the buffer.
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes)
            return reader.GetString()!;
        Span<char> chars = stackalloc char[MaxBytes];
        return Shared(chars[..reader.CopyString(chars)]);
    }

    /// <summary>The string of <paramref name="utf8"/>, valid UTF-8 without escapes, as <see cref="Get(ref Utf8JsonReader)"/> reads the same token.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
            return System.Text.Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxBytes];
        return Shared(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)]);
    }

    private string Shared(ReadOnlySpan<char> value)
    {
        if (_strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var shared))
            return shared;
        shared = new string(value);
        if (_strings.Count < MaxStrings)
            _strings.Add(shared, shared);
        return shared;
    }
}
