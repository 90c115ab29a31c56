using EarlyWarning.Rules.Engine;

namespace EarlyWarning.Rules.Tests.Engine;

public sealed class MemberListTests
{
    private static readonly GroupState Group = new("quetta", "Quetta", "balochistan");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void every_prefix_handed_out_reads_as_it_was_through_appends_and_cuts(int seed)
    {
        var random = new Random(seed);
        var list = new MemberList();
        var model = new List<Entry>();
        var taken = new List<(MemberList.Prefix Prefix, Entry[] Then)>();
        var next = 0;
        for (var step = 0; step < 3_000; step++)
        {
            var roll = random.NextDouble();
            if (roll < 0.8)
            {
                var entry = New(next++);
                list.Add(entry);
                model.Add(entry);
            }
            else if (roll < 0.83 && model.Count > 0)
            {
                // Mostly near the end, as a late report cuts an episode; sometimes on a chunk's boundary or anywhere.
                var cut = random.Next(20) switch
                {
                    0 or 1 => model.Count - (model.Count % 64),
                    2 => random.Next(model.Count + 1),
                    _ => model.Count - random.Next(Math.Min(model.Count, 40) + 1),
                };
                list.CutTo(cut);
                model.RemoveRange(cut, model.Count - cut);
            }
            else
            {
                var count = random.Next(model.Count + 1);
                taken.Add((list.PrefixOf(count), [.. model.Take(count)]));
            }

            Assert.Equal(model.Count, list.Count);
        }

        Assert.Equal(model, list);
        Assert.True(taken.Count > 100 && taken.Max(t => t.Then.Length) > 200, "the prefixes taken would not test much");
        foreach (var (prefix, then) in taken)
        {
            Assert.Equal(then.Length, prefix.Count);
            for (var i = 0; i < then.Length; i++)
                Assert.Same(then[i], prefix[i]);
        }
    }

    [Fact]
    public void a_prefix_is_another_only_when_taken_of_the_same_members_with_no_cut_between()
    {
        var list = new MemberList();
        for (var i = 0; i < 100; i++)
            list.Add(New(i));
        var before = list.PrefixOf(70);

        Assert.True(before.Is(list.PrefixOf(70)));
        Assert.False(before.Is(list.PrefixOf(69)));
        list.Add(New(100));
        Assert.True(before.Is(list.PrefixOf(70)));
        list.CutTo(80);
        Assert.False(before.Is(list.PrefixOf(70)));
    }

    [Fact]
    public void binary_search_finds_members_and_where_others_would_go()
    {
        var list = new MemberList();
        var entries = Enumerable.Range(0, 300).Select(i => New(2 * i)).ToList();
        foreach (var entry in entries)
            list.Add(entry);

        Assert.Equal(137, list.BinarySearch(entries[137]));
        Assert.Equal(~138, list.BinarySearch(New(275)));
        Assert.Equal(~0, list.BinarySearch(New(-1)));
        Assert.Equal(~300, list.BinarySearch(New(600)));
    }

    [Fact]
    public void a_prefix_longer_than_the_list_or_a_cut_past_its_end_is_refused()
    {
        var list = new MemberList();
        list.Add(New(0));

        Assert.Throws<ArgumentOutOfRangeException>(() => list.PrefixOf(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.CutTo(2));
    }

    private static Entry New(int minutes)
    {
        var incident = EngineFixture.Incident($"i{minutes:D5}", "quetta", minutes / 60.0);
        return new Entry(Group, incident, incident.OccurredAt.UtcTicks, null, 0);
    }
}
