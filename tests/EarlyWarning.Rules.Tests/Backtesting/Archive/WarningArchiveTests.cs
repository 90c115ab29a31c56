using System.Text.Json;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Backtesting;
using EarlyWarning.Rules.Backtesting.Archive;

namespace EarlyWarning.Rules.Tests.Backtesting.Archive;

/// <summary>A warning read back from the archive is the warning archived, field for field, however many there are and however long.</summary>
public sealed class WarningArchiveTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 30, 22, 0, 0, TimeSpan.Zero);

    private static readonly (DateTimeOffset At, int Rank)[] NoRises = [];

    [Fact]
    public void every_field_reads_back_as_written_nulls_offsets_and_other_scripts_included()
    {
        var archive = new WarningArchive();
        var full = Report("w1", incidents: 3, suppression: new WarningSuppression(WarningSuppression.Silenced, "s-1", "drill — ignore, «test»"),
            resolvedAt: At.AddHours(9), lateBy: TimeSpan.FromMinutes(95), resolution: WarningResolved.ReasonQuiet, province: "balochistan",
            knownAt: new DateTimeOffset(2026, 1, 31, 3, 4, 5, TimeSpan.FromHours(5)).AddTicks(7));
        var sparse = Report("w2", incidents: 0, suppression: null, resolvedAt: null, lateBy: null, resolution: null, province: null, knownAt: At);

        var fullAt = archive.Add(full, NoRises);
        var sparseAt = archive.Add(sparse, NoRises);

        Assert.Equal(Json(full), Json(archive.Read(fullAt)));
        Assert.Equal(Json(sparse), Json(archive.Read(sparseAt)));
        Assert.Equal(TimeSpan.FromHours(5), archive.Read(fullAt).KnownAt.Offset);
        Assert.Equal(full.Warning.FirstHeldAt, archive.FirstHeldAt(fullAt));
        Assert.Equal("w2", archive.WarningId(sparseAt));
    }

    [Fact]
    public void records_across_many_chunks_and_one_longer_than_a_chunk_read_back_in_place()
    {
        var archive = new WarningArchive();
        var written = new List<(ArchivedAt At, BacktestWarning Report)>();
        for (var i = 0; i < 3000; i++)
        {
            // About 14 KB each, so a chunk of a mebibyte ends every seventy-odd records, never exactly at one's end.
            var report = Report($"w{i}", incidents: 100, idLength: 40 + (i % 7));
            written.Add((archive.Add(report, NoRises), report));
            if (i == 1500)
            {
                // Longer than a chunk: 100 incidents with ids of 11,000 characters.
                var huge = Report("huge", incidents: 100, idLength: 11_000);
                written.Add((archive.Add(huge, NoRises), huge));
            }
        }

        Assert.Equal(written.Count, archive.Count);
        foreach (var (at, report) in written)
            Assert.Equal(Json(report), Json(archive.Read(at)));
    }

    [Fact]
    public void reached_at_is_the_first_rise_to_the_rank_or_above()
    {
        var archive = new WarningArchive();
        var at = archive.Add(Report("w1", incidents: 1), [(At, CapSeverity.Rank(CapSeverity.Moderate)), (At.AddHours(2), CapSeverity.Rank(CapSeverity.Extreme))]);

        Assert.Equal(At, archive.ReachedAt(at, CapSeverity.Rank(CapSeverity.Minor)));
        Assert.Equal(At, archive.ReachedAt(at, CapSeverity.Rank(CapSeverity.Moderate)));
        Assert.Equal(At.AddHours(2), archive.ReachedAt(at, CapSeverity.Rank(CapSeverity.Severe)));
        Assert.Equal(At.AddHours(2), archive.ReachedAt(at, CapSeverity.Rank(CapSeverity.Extreme)));
        Assert.Null(archive.ReachedAt(archive.Add(Report("w2", incidents: 1), NoRises), CapSeverity.Rank(CapSeverity.Minor)));
    }

    [Fact]
    public void archived_warnings_read_in_the_order_given_and_anew_each_time()
    {
        var archive = new WarningArchive();
        var first = archive.Add(Report("w1", incidents: 2), NoRises);
        var second = archive.Add(Report("w2", incidents: 2), NoRises);

        var list = new ArchivedWarnings(archive, [second, first]);

        Assert.Equal(["w2", "w1"], list.Select(w => w.Warning.WarningId));
        Assert.Equal("w1", list[1].Warning.WarningId);
        Assert.Equal(Json(list[0]), Json(list[0]));
        Assert.NotSame(list[0], list[0]);
    }

    private static BacktestWarning Report(
        string id, int incidents, WarningSuppression? suppression = null, DateTimeOffset? resolvedAt = null, TimeSpan? lateBy = null,
        string? resolution = WarningResolved.ReasonQuiet, string? province = "balochistan", DateTimeOffset? knownAt = null, int idLength = 36)
    {
        var listed = Enumerable.Range(0, incidents)
            .Select(i => new WarningIncident(
                $"{id}-{i}".PadRight(idLength, 'x'), At.AddMinutes(i), IncidentTypes.Bombing, "balochistan", $"d{i % 5}", i % 2 == 0 ? "Kech" : "Mastung — مستونگ",
                25.9 + (i / 1000.0), 63.05 - (i / 7.0), i))
            .ToList();
        var snapshot = new WarningSnapshot(
            id, "coordinated-attacks", "Coordinated attacks across districts", "spread", "hash-1", province is null ? "all" : "province", province ?? "all",
            province ?? "Pakistan", province, resolvedAt is null ? WarningSnapshot.Open : WarningSnapshot.Resolved, CapSeverity.Extreme, "Immediate", "Observed",
            listed.FirstOrDefault()?.IncidentId ?? "none", At, At.AddHours(1), resolvedAt, listed, incidents + 3, ["d0", "d1", "kech"], 12, 7.5,
            $"Coordinated attacks — {province ?? "Pakistan"}: {incidents} incidents", suppression);
        return new BacktestWarning(snapshot, knownAt ?? At.AddMinutes(3), lateBy, 4, resolution);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
