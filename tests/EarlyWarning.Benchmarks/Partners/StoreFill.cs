using System.Globalization;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>A store <see cref="HistoryStore"/> filled: where, with what mix of events, and how long it took.</summary>
public sealed record StoreFill(string Path, long Events, long Incidents, long Raised, long Updated, long Resolved, TimeSpan Elapsed, long Bytes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}: {Format.Count(Events)} events ({Format.Count(Incidents)} `IncidentRecorded`; {Format.Count(Raised)} `WarningRaised`, {Format.Count(Updated)} `WarningUpdated`, {Format.Count(Resolved)} `WarningResolved`), {Bytes / (1024.0 * 1024):#,##0} MiB, filled in {Elapsed.TotalSeconds:0.0} s");
}
