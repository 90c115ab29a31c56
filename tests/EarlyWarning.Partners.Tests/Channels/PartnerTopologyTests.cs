using System.Text;
using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Partners.Channels;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Tests.Entitlements;
using EarlyWarning.Testing;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Tests.Channels;

public sealed class PartnerTopologyTests
{
    private static Entitlement Of(string[] provinces, string[]? kinds = null, string? minimum = null, EntitlementArea? area = null) =>
        new(provinces, area, kinds ?? [EventKinds.Incidents, EventKinds.Warnings], minimum, Allow.Nothing);

    [Fact]
    public void a_partner_has_its_own_exchange_queue_and_user()
    {
        var topology = new PartnerTopology("kp-incidents");

        Assert.Equal("ew.partner.kp-incidents", topology.Exchange);
        Assert.Equal("ew.partner.kp-incidents.events", topology.Queue);
        Assert.Equal("ew-partner-kp-incidents", topology.User);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("")]
    [InlineData(" ")]
    public void a_name_with_a_dot_or_no_name_is_refused(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => new PartnerTopology(name));

    [Fact]
    public void a_partner_may_configure_write_and_read_its_own_queues_and_only_read_its_exchange()
    {
        var a = new PartnerTopology("a");
        var (configure, write, read) = a.Permissions;

        foreach (var pattern in new[] { configure, write, read })
        {
            Assert.Matches(pattern, a.Queue);
            Assert.Matches(pattern, "ew.partner.a.replay");
        }
        Assert.Matches(read, a.Exchange);
        // Writing to the exchange is publishing to it, and configuring it would let the partner delete or retype it.
        Assert.DoesNotMatch(write, a.Exchange);
        Assert.DoesNotMatch(configure, a.Exchange);
    }

    [Theory]
    [InlineData("a", "a-b")]
    [InlineData("a", "ab")]
    [InlineData("a", "a_b")]
    [InlineData("a-b", "a")]
    [InlineData("ab", "a")]
    [InlineData("kp", "kp-trusted")]
    public void a_partners_patterns_never_match_another_partners_names(string partner, string other)
    {
        var (configure, write, read) = new PartnerTopology(partner).Permissions;
        var theirs = new PartnerTopology(other);

        foreach (var pattern in new[] { configure, write, read })
            foreach (var name in new[] { theirs.Exchange, theirs.Queue, theirs.Exchange + ".replay" })
                Assert.False(Regex.IsMatch(name, pattern), $"'{pattern}' of partner '{partner}' matches '{name}' of partner '{other}'");
    }

    [Theory]
    [InlineData("EarlyWarning.Contracts.Reports:IncidentReported")]
    [InlineData("amq.topic")]
    [InlineData("amq.default")]
    [InlineData("")]
    [InlineData("ew.partner.")]
    [InlineData("ew.partner")]
    [InlineData("xew.partner.a.events")]
    [InlineData("ew.partner.a")]
    public void a_partners_write_and_configure_patterns_match_nothing_but_its_own_queues(string name)
    {
        var (configure, write, _) = new PartnerTopology("a").Permissions;

        Assert.DoesNotMatch(configure, name);
        Assert.DoesNotMatch(write, name);
    }

    [Fact]
    public void an_incidents_routing_key_is_its_kind_province_and_district_with_no_severity() =>
        Assert.Equal("incident.khyber-pakhtunkhwa.peshawar.none", PartnerTopology.IncidentRoutingKey("khyber-pakhtunkhwa", "peshawar"));

    [Fact]
    public void a_warnings_routing_key_names_its_province_its_single_district_and_its_severity()
    {
        var entitlement = Of(["balochistan"]);
        var spread = SampleWarnings.Coordinated(severity: CapSeverity.Severe);
        var one = spread with { DistrictIds = ["kech"] };

        Assert.Equal("warning.balochistan.none.severe", PartnerTopology.WarningRoutingKey(spread, entitlement));
        Assert.Equal("warning.balochistan.kech.severe", PartnerTopology.WarningRoutingKey(one, entitlement));
    }

    [Fact]
    public void a_countrywide_warning_is_routed_by_the_entitled_province_it_was_admitted_through()
    {
        var countrywide = CountrywideWarning.Of(CapSeverity.Extreme);

        Assert.Equal("warning.khyber-pakhtunkhwa.none.extreme", PartnerTopology.WarningRoutingKey(countrywide, Of(["khyber-pakhtunkhwa"])));
        // Its incidents are in Sindh, then Khyber Pakhtunkhwa, then Balochistan: the first entitled one counts.
        Assert.Equal("warning.khyber-pakhtunkhwa.none.extreme", PartnerTopology.WarningRoutingKey(countrywide, Of(["balochistan", "khyber-pakhtunkhwa"])));
        Assert.Equal("warning.balochistan.none.extreme", PartnerTopology.WarningRoutingKey(countrywide, Of(["balochistan"])));
        Assert.Equal("warning.national.none.extreme", PartnerTopology.WarningRoutingKey(countrywide, Of([], area: new EntitlementArea(new(26, 63), 50))));
    }

    [Fact]
    public void binding_keys_cover_each_entitled_kind_and_province_and_the_severities_from_the_minimum_up()
    {
        Assert.Equal(
            ["incident.balochistan.#", "warning.balochistan.#", "incident.khyber-pakhtunkhwa.#", "warning.khyber-pakhtunkhwa.#"],
            PartnerTopology.BindingKeys(Of(["balochistan", "khyber-pakhtunkhwa"])));
        Assert.Equal(
            ["warning.balochistan.*.extreme", "warning.balochistan.*.severe"],
            PartnerTopology.BindingKeys(Of(["balochistan"], [EventKinds.Warnings], CapSeverity.Severe)));
        Assert.Equal(["incident.*.#"], PartnerTopology.BindingKeys(Of([], [EventKinds.Incidents], area: new EntitlementArea(new(26, 63), 50))));
    }

    public static TheoryData<string, string[], string[], string?> Entitlements => new()
    {
        { "Balochistan, everything", ["balochistan"], [EventKinds.Incidents, EventKinds.Warnings], null },
        { "Khyber Pakhtunkhwa incidents", ["khyber-pakhtunkhwa"], [EventKinds.Incidents], null },
        { "two provinces, severe warnings", ["balochistan", "khyber-pakhtunkhwa"], [EventKinds.Warnings], CapSeverity.Severe },
        { "Khyber Pakhtunkhwa, extreme warnings and incidents", ["khyber-pakhtunkhwa"], [EventKinds.Incidents, EventKinds.Warnings], CapSeverity.Extreme },
    };

    /// <summary>
    /// The property the relay relies on: every event the entitlement admits, published with its routing key to the
    /// partner's exchange, reaches the queue bound with the binding keys, and nothing it does not admit does. The
    /// real broker does the topic matching.
    /// </summary>
    [Theory]
    [MemberData(nameof(Entitlements))]
    public async Task the_broker_routes_to_the_partners_queue_exactly_the_events_the_entitlement_admits(string _, string[] provinces, string[] kinds, string? minimum)
    {
        var entitlement = Of(provinces, kinds, minimum);
        await using var vhost = await RabbitMqServer.CreateVirtualHostAsync();
        await using var connection = await new ConnectionFactory { Uri = new Uri(vhost.Uri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var topology = new PartnerTopology("routing-test");
        await channel.ExchangeDeclareAsync(topology.Exchange, ExchangeType.Topic, durable: false, autoDelete: false);
        await channel.QueueDeclareAsync(topology.Queue, durable: false, exclusive: false, autoDelete: false);
        foreach (var key in PartnerTopology.BindingKeys(entitlement))
            await channel.QueueBindAsync(topology.Queue, topology.Exchange, key);

        var expected = new List<string>();
        foreach (var (name, decoded, routingKey) in Events(entitlement))
        {
            if (entitlement.Admit(decoded) is not null)
                expected.Add(name);
            await channel.BasicPublishAsync(topology.Exchange, routingKey, Encoding.UTF8.GetBytes(name));
        }

        var received = new List<string>();
        await Eventually.TrueAsync(async () =>
        {
            while (await channel.BasicGetAsync(topology.Queue, autoAck: true) is { } delivery)
                received.Add(Encoding.UTF8.GetString(delivery.Body.Span));
            return received.Count >= expected.Count;
        }, TimeSpan.FromSeconds(10), $"{expected.Count} messages", () => string.Join(", ", received));
        // Anything routed in error was published before the last expected message and is in the queue by now.
        while (await channel.BasicGetAsync(topology.Queue, autoAck: true) is { } late)
            received.Add(Encoding.UTF8.GetString(late.Body.Span));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, received);
    }

    /// <summary>Incidents and warnings of two provinces and every severity, each named, decoded, with its routing key.</summary>
    private static IEnumerable<(string Name, object Decoded, string RoutingKey)> Events(Entitlement entitlement)
    {
        foreach (var province in new[] { "balochistan", "khyber-pakhtunkhwa", "sindh" })
        {
            var location = Incidents.Location(province);
            yield return ($"incident in {province}", Incidents.Recorded(location), PartnerTopology.IncidentRoutingKey(location.ProvinceId, location.DistrictId));
            foreach (var severity in CapSeverity.All)
            {
                var warning = SampleWarnings.Coordinated(province: province, severity: severity);
                yield return ($"{severity} warning in {province}", SampleWarnings.Raised(warning), PartnerTopology.WarningRoutingKey(warning, entitlement));
            }
        }
        foreach (var severity in CapSeverity.All)
        {
            var countrywide = CountrywideWarning.Of(severity);
            yield return ($"{severity} countrywide warning", SampleWarnings.Raised(countrywide), PartnerTopology.WarningRoutingKey(countrywide, entitlement));
        }
    }
}
