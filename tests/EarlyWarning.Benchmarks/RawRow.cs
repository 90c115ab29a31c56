namespace EarlyWarning.Benchmarks;

/// <summary>
/// One row for the raw inserts, laid out as the batch scenario lays out its events: streams of
/// <see cref="Workload.BatchSize"/> consecutive revisions, positions dense from 1. The row's constant columns
/// (type, data, metadata) come from <see cref="SampleEvents"/>.
/// </summary>
public readonly record struct RawRow(long Position, Guid EventId, string Stream, long Revision)
{
    /// <summary>
    /// Rows built before the clock starts, so only the inserts are timed, with ids of the kind the run uses
    /// (<see cref="SampleEvents.NewId"/>).
    /// </summary>
    public static RawRow[] Generate(int count, string streamPrefix, bool timeOrderedIds)
    {
        var rows = new RawRow[count];
        var stream = "";
        for (var i = 0; i < count; i++)
        {
            var revision = i % Workload.BatchSize;
            if (revision == 0)
                stream = $"{streamPrefix}-{i / Workload.BatchSize}";
            rows[i] = new RawRow(i + 1, SampleEvents.NewId(timeOrderedIds), stream, revision);
        }
        return rows;
    }
}
