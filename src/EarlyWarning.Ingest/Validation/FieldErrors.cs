using System.Globalization;
using EarlyWarning.Contracts.Incidents;

namespace EarlyWarning.Ingest.Validation;

/// <summary>Collects every error of a message, so a source fixes all of them in one go.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    /// <summary>A required string, trimmed; null (with an error) when missing or blank.</summary>
    public string? Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return null;
        }
        return Bounded(field, value, maxLength);
    }

    /// <summary>An optional string, trimmed; blank reads as absent.</summary>
    public string? Optional(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Bounded(field, value, maxLength);

    /// <summary>A value from a closed vocabulary, matched ignoring case and returned in its canonical form.</summary>
    public string? Vocabulary(string field, string? value, IReadOnlySet<string> allowed, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                Add(field, $"is required: one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
            return null;
        }
        var canonical = value.Trim().ToLowerInvariant();
        if (allowed.Contains(canonical))
            return canonical;
        Add(field, $"'{Shorten(value)}' is not one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
        return null;
    }

    public DateTimeOffset? Time(string field, DateTimeOffset value, DateTimeOffset latest)
    {
        if (value == default)
        {
            Add(field, "is required: an ISO 8601 time with its offset, e.g. 2026-01-31T05:40:00+05:00.");
            return null;
        }
        if (value.Year < 2000)
        {
            Add(field, $"{value:O} is before 2000; the system holds no history that old.");
            return null;
        }
        if (value > latest)
        {
            Add(field, $"{value:O} is in the future (latest accepted: {latest:O}).");
            return null;
        }
        return value.ToUniversalTime();
    }

    public int? Count(string field, int? value)
    {
        if (value is null)
            return null;
        if (value < 0)
            Add(field, $"{value} is negative.");
        else if (value > 100_000)
            Add(field, $"{value.Value.ToString(CultureInfo.InvariantCulture)} is more than 100,000; check the figure.");
        else
            return value;
        return null;
    }

    private string? Bounded(string field, string value, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length <= maxLength)
            return trimmed;
        Add(field, $"is {trimmed.Length:N0} characters long; at most {maxLength:N0} are accepted.");
        return null;
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
