using System.Globalization;
using System.Text;

namespace EarlyWarning.Gazetteer;

/// <summary>
/// A place name reduced to what identifies it: lower case, diacritics dropped (Unicode NFD, then the
/// combining marks removed), punctuation and white space dropped, and a few noise words
/// (<c>district</c>, <c>agency</c>, <c>tehsil</c> …) removed. "D.I. Khan", "DI Khan" and
/// "d i khan district" share one key, and so do "Kēch" and "KECH".
/// </summary>
public readonly record struct NameKey
{
    // Words reports attach to a name without changing which place is meant.
    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "district", "distt", "dist", "agency", "tehsil", "city", "town",
    };

    private readonly string? value;

    private NameKey(string value) => this.value = value;

    /// <summary>The normalised text; empty when the name had nothing but noise.</summary>
    public string Value => value ?? string.Empty;

    public bool IsEmpty => Value.Length == 0;

    public int Length => Value.Length;

    public static NameKey From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new NameKey(string.Empty);

        var key = new StringBuilder(text.Length);
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            AppendWord(key, word);
        }
        AppendWord(key, word);
        return new NameKey(key.ToString());
    }

    // default(NameKey) and NameKey.From("") are the same empty key.
    public bool Equals(NameKey other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    private static void AppendWord(StringBuilder key, StringBuilder word)
    {
        if (word.Length == 0)
            return;
        var text = word.ToString();
        if (!NoiseWords.Contains(text))
            key.Append(text);
        word.Clear();
    }
}
