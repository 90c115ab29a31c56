using EarlyWarning.Rules.Engine;

namespace EarlyWarning.Rules.Tests.Engine;

public sealed class WindowTallyTests
{
    [Fact]
    public void a_value_counts_as_distinct_while_any_entry_with_it_is_in_the_window()
    {
        var tally = new WindowTally();
        tally.Add("quetta", 2);
        tally.Add("gwadar", 0);
        tally.Add("quetta", 1);
        tally.Add(null, 5);
        Assert.Equal((4, 2, 8), (tally.Count, tally.Distinct, tally.Killed));

        tally.Remove("quetta", 2);
        Assert.Equal((3, 2, 6), (tally.Count, tally.Distinct, tally.Killed));
        Assert.True(tally.Holds("quetta"));

        tally.Remove("quetta", 1);
        Assert.Equal((2, 1, 5), (tally.Count, tally.Distinct, tally.Killed));
        Assert.False(tally.Holds("quetta"));

        // Back after its count fell to zero: distinct again, once.
        tally.Add("quetta", 0);
        tally.Add("quetta", 0);
        Assert.Equal((4, 2), (tally.Count, tally.Distinct));
        Assert.True(tally.Holds("quetta"));
    }

    [Fact]
    public void values_that_come_and_go_do_not_pile_up_as_keys()
    {
        // Places are an open set: a tally over a place spread sees a new one with nearly every entry.
        var tally = new WindowTally();
        for (var i = 0; i < 10_000; i++)
        {
            tally.Add($"place-{i}", 0);
            if (i >= 3)
                tally.Remove($"place-{i - 3}", 0);
        }
        Assert.Equal(3, tally.Distinct);
        Assert.True(tally.KeysHeld <= (2 * 3) + 64 + 1, $"{tally.KeysHeld} keys held for 3 values");
        for (var i = 9_997; i < 10_000; i++)
            Assert.True(tally.Holds($"place-{i}"));
        Assert.False(tally.Holds("place-9996"));
    }

    [Fact]
    public void a_reset_starts_from_nothing()
    {
        var tally = new WindowTally();
        tally.Add("quetta", 3);
        tally.Remove("quetta", 3);
        tally.Add("gwadar", 1);
        tally.Reset(7);
        Assert.Equal((0, 0, 0, 7), (tally.Count, tally.Distinct, tally.Killed, tally.From));
        Assert.False(tally.Holds("gwadar"));
        tally.Add("quetta", 0);
        Assert.Equal(1, tally.Distinct);
    }
}
