using EarlyWarning.Rules.Engine;

namespace EarlyWarning.Rules.Tests.Engine;

public sealed class EpisodeTests
{
    private static readonly GroupState Group = new("balochistan", "Balochistan", "balochistan");

    [Fact]
    public void points_elevated_and_then_cut_back_keep_the_elevation_they_had()
    {
        var (a, b, c) = (New(0), New(60), New(120));
        var episode = new Episode(new WarningKey("surge", Group.Key, a.Id, a.Ticks), a);
        episode.AddPoint(a, severityRank: 1, measure: 1, [a]);
        episode.AddPoint(b, severityRank: 1, measure: 1, [b]);
        episode.AddPoint(c, severityRank: 1, measure: 1, [c]);

        // b's and c's bucket grew twice; then a late report cuts c away.
        episode.Elevate(b.Ticks, severityRank: 2, measure: 4);
        episode.Elevate(b.Ticks, severityRank: 3, measure: 2.5);
        Assert.Equal((3, 4.0), (episode.SeverityRank, episode.Peak));
        Assert.True(episode.TruncateBefore(c.Ticks));

        Assert.Equal((3, 4.0), (episode.SeverityRank, episode.Peak));
        Assert.Same(b, episode.Last);
        Assert.True(episode.TruncateBefore(b.Ticks));
        Assert.Equal((1, 1.0), (episode.SeverityRank, episode.Peak));
    }

    [Fact]
    public void an_elevation_of_a_later_bucket_leaves_the_points_before_it_as_they_were()
    {
        var (a, b, c) = (New(0), New(60), New(1500));
        var episode = new Episode(new WarningKey("surge", Group.Key, a.Id, a.Ticks), a);
        episode.AddPoint(a, severityRank: 1, measure: 1, [a]);
        episode.AddPoint(b, severityRank: 1, measure: 1, [b]);
        episode.Elevate(a.Ticks, severityRank: 2, measure: 2);
        episode.AddPoint(c, severityRank: 1, measure: 1, [c]);
        episode.Elevate(c.Ticks, severityRank: 4, measure: 9);
        // Before c's bucket nothing is elevated to 4; the points of a's bucket kept their own elevation.
        Assert.False(episode.TruncateBefore(a.Ticks));
        Assert.True(episode.TruncateBefore(c.Ticks));

        Assert.Equal((2, 2.0), (episode.SeverityRank, episode.Peak));
        Assert.Equal(2, episode.Members.Count);
    }

    private static Entry New(int minutes)
    {
        var incident = EngineFixture.Incident($"i{minutes:D5}", "quetta", minutes / 60.0);
        return new Entry(Group, incident, incident.OccurredAt.UtcTicks, null, 0);
    }
}
