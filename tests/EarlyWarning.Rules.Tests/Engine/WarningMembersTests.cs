using EarlyWarning.Rules.Engine;

namespace EarlyWarning.Rules.Tests.Engine;

public sealed class WarningMembersTests
{
    private static readonly GroupState Group = new("balochistan", "Balochistan", "balochistan");

    private static readonly string[] Districts =
    [
        .. Gazetteer.Gazetteer.Default.Districts.Select(d => d.Id).Order(StringComparer.Ordinal).Take(40),
    ];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(16, 16)]
    [InlineData(17, 16)]
    [InlineData(300, 40)]
    public void districts_are_the_members_distinct_districts_in_ordinal_order(int members, int districts)
    {
        var random = new Random(members);
        var list = new MemberList();
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < members; i++)
        {
            // Every district at least once, then any of them again; as equal strings of other instances too, as
            // incidents decoded apart carry them.
            var district = Districts[i < districts ? districts - 1 - i : random.Next(districts)];
            if (random.Next(2) == 0)
                district = new string(district.AsSpan());
            expected.Add(district);
            list.Add(New(i, district));
        }

        var distinct = new WarningMembers(list.PrefixOf(members)).DistrictIds;

        Assert.Equal(expected, distinct);
        Assert.Equal(districts, distinct.Count);
    }

    private static Entry New(int minutes, string district)
    {
        var incident = EngineFixture.Incident($"i{minutes:D5}", district, minutes / 60.0);
        return new Entry(Group, incident, incident.OccurredAt.UtcTicks, null, 0);
    }
}
