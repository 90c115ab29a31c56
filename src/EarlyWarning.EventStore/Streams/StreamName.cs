namespace EarlyWarning.EventStore;

/// <summary>The name of a stream, e.g. <c>incident-4f2c…</c>. Validated once, here, so no adapter sees a bad name.</summary>
public readonly record struct StreamName
{
    /// <summary>The longest name accepted, in characters.</summary>
    public const int MaxLength = 256;

    /// <summary>The name of the global log; it can be read and subscribed to, never appended to.</summary>
    public const string AllStreamName = "$all";

    public StreamName(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException("A stream name must not be empty or white space.", nameof(value));
        if (value.Length > MaxLength)
            throw new ArgumentException($"A stream name must be at most {MaxLength} characters; this one has {value.Length}.", nameof(value));
        if (value == AllStreamName)
            throw new ArgumentException($"'{AllStreamName}' is the global log and cannot be a stream name.", nameof(value));
        foreach (var c in value)
        {
            if (char.IsControl(c))
                throw new ArgumentException("A stream name must not contain control characters.", nameof(value));
        }
        Value = value;
    }

    public string Value { get; }

    /// <summary>A name built from a category and an id, KurrentDB style: <c>incident-42</c>.</summary>
    public static StreamName For(string category, string id) => new($"{category}-{id}");

    public static implicit operator StreamName(string value) => new(value);

    public override string ToString() => Value;
}
