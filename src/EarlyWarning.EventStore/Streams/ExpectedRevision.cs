namespace EarlyWarning.EventStore;

/// <summary>What the writer believes the stream's state to be; the append fails if it is wrong.</summary>
public readonly record struct ExpectedRevision
{
    private ExpectedRevision(ExpectedRevisionKind kind, long value)
    {
        Kind = kind;
        Value = value;
    }

    public ExpectedRevisionKind Kind { get; }

    /// <summary>The exact revision of the stream's last event, when <see cref="Kind"/> is <see cref="ExpectedRevisionKind.Exact"/>.</summary>
    public long Value { get; }

    /// <summary>No expectation: append wherever the stream is.</summary>
    public static readonly ExpectedRevision Any = new(ExpectedRevisionKind.Any, -1);

    /// <summary>The stream must not exist yet.</summary>
    public static readonly ExpectedRevision NoStream = new(ExpectedRevisionKind.NoStream, -1);

    /// <summary>The stream must have at least one event.</summary>
    public static readonly ExpectedRevision StreamExists = new(ExpectedRevisionKind.StreamExists, -1);

    /// <summary>The stream's last event must be at exactly this revision.</summary>
    public static ExpectedRevision Exact(StreamRevision revision)
    {
        if (revision.Value < 0 || revision == StreamRevision.End)
            throw new ArgumentOutOfRangeException(nameof(revision), revision.Value, "An exact expected revision must be a real revision (0 or more).");
        return new(ExpectedRevisionKind.Exact, revision.Value);
    }

    public static implicit operator ExpectedRevision(StreamRevision revision) => Exact(revision);

    /// <summary>Whether a stream whose last event is at <paramref name="current"/> (null: no stream) meets this expectation.</summary>
    public bool IsSatisfiedBy(StreamRevision? current) => Kind switch
    {
        ExpectedRevisionKind.Any => true,
        ExpectedRevisionKind.NoStream => current is null,
        ExpectedRevisionKind.StreamExists => current is not null,
        ExpectedRevisionKind.Exact => current?.Value == Value,
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        ExpectedRevisionKind.Exact => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ExpectedRevisionKind.NoStream => "no-stream",
        ExpectedRevisionKind.StreamExists => "stream-exists",
        _ => "any",
    };
}
