using System.Text.Json;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Partners.Channels;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Testing;

namespace EarlyWarning.Cli.Tests.Partners;

/// <summary><c>ew partners provision</c> against the real broker, each test in a virtual host of its own.</summary>
public sealed class ProvisionTests : IAsyncLifetime
{
    private static readonly string[] Both = [EventKinds.Incidents, EventKinds.Warnings];

    private readonly TempFolder _folder = new();
    private readonly List<string> _partners = [];
    private VirtualHost _vhost = null!;
    private BrokerView _broker = null!;

    public async Task InitializeAsync()
    {
        _vhost = await RabbitMqServer.CreateVirtualHostAsync();
        _broker = new BrokerView(_vhost);
    }

    public async Task DisposeAsync()
    {
        await _broker.DeleteUsersAsync([.. _partners]);
        _broker.Dispose();
        await _vhost.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task provision_creates_each_partners_user_with_its_own_permissions_and_binds_its_queue_by_its_entitlement()
    {
        // One name a prefix of the other: neither may reach the other's queue.
        var a = Partner("a");
        var ab = a + "-b";
        _partners.Add(ab);
        var config = Settings(
            new PartnerSettings(a, ["balochistan", "khyber-pakhtunkhwa"], [EventKinds.Incidents]),
            new PartnerSettings(ab, ["balochistan"], Both, CapSeverity.Severe));

        var run = await ProvisionAsync("--config", config);

        Assert.True(run.ExitCode == 0, run.ToString());
        var passwords = Passwords(run);
        Assert.Equal([a, ab], passwords.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, entitlementKeys) in new[] { (a, new[] { "incident.balochistan.#", "incident.khyber-pakhtunkhwa.#" }), (ab, new[] { "incident.balochistan.#", "warning.balochistan.*.extreme", "warning.balochistan.*.severe" }) })
        {
            var topology = new PartnerTopology(name);
            var user = Assert.NotNull(await _broker.UserAsync(name));
            Assert.Equal(JsonValueKind.Array, user.GetProperty("tags").ValueKind);
            Assert.Equal(0, user.GetProperty("tags").GetArrayLength());
            var permissions = Assert.NotNull(await _broker.PermissionsAsync(name));
            Assert.Equal(topology.Permissions.Configure, permissions.GetProperty("configure").GetString());
            Assert.Equal(topology.Permissions.Write, permissions.GetProperty("write").GetString());
            Assert.Equal(topology.Permissions.Read, permissions.GetProperty("read").GetString());
            Assert.Equal("quorum", Assert.NotNull(await _broker.QueueAsync(name)).GetProperty("type").GetString());
            Assert.Equal(entitlementKeys, await _broker.BindingKeysAsync(name));
            Assert.True(await _broker.CanLogInAsync(name, passwords[name]), $"{topology.User} cannot log in with the printed password");
        }
        Assert.NotEqual(passwords[a], passwords[ab]);
        Assert.Contains(run.Output, l => l.StartsWith($"Made 13 changes for 2 partners on vhost '{_vhost.Name}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_second_run_changes_nothing_says_so_and_keeps_the_password()
    {
        var a = Partner("again");
        var config = Settings(new PartnerSettings(a, ["sindh"], Both));
        var first = await ProvisionAsync("--config", config);
        Assert.True(first.ExitCode == 0, first.ToString());
        var password = Passwords(first)[a];

        var second = await ProvisionAsync("--config", config);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal([$"Nothing to change for 1 partner on vhost '{_vhost.Name}' at 127.0.0.1: RabbitMQ is as the settings say."], second.Output);
        Assert.True(await _broker.CanLogInAsync(a, password));
        Assert.Equal(["incident.sindh.#", "warning.sindh.#"], await _broker.BindingKeysAsync(a));
    }

    [Fact]
    public async Task a_narrowed_entitlement_removes_the_bindings_it_no_longer_allows_and_any_binding_made_by_hand()
    {
        var a = Partner("narrowed");
        var first = await ProvisionAsync("--config", Settings(new PartnerSettings(a, ["balochistan", "khyber-pakhtunkhwa"], Both)));
        Assert.True(first.ExitCode == 0, first.ToString());
        await _broker.BindByHandAsync(a, "amq.topic", "#");

        var narrowed = Settings(new PartnerSettings(a, ["khyber-pakhtunkhwa"], Both, CapSeverity.Extreme));
        var dryRun = await ProvisionAsync("--config", narrowed, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains(dryRun.Output, l => l == $"{a}: unbind ew.partner.{a}.events from ew.partner.{a} by 'incident.balochistan.#' (not in the entitlement)");
        Assert.Contains(dryRun.Output, l => l == $"{a}: unbind ew.partner.{a}.events from exchange 'amq.topic' by '#' (not in the entitlement)");
        Assert.Contains(dryRun.Output, l => l == $"{a}: bind ew.partner.{a}.events to ew.partner.{a} by 'warning.khyber-pakhtunkhwa.*.extreme'");
        Assert.StartsWith("Dry run: 5 changes to make", dryRun.Output[^1], StringComparison.Ordinal);
        Assert.Equal(["#"], await _broker.BindingKeysAsync(a, "amq.topic"));

        var run = await ProvisionAsync("--config", narrowed);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["incident.khyber-pakhtunkhwa.#", "warning.khyber-pakhtunkhwa.*.extreme"], await _broker.BindingKeysAsync(a));
        Assert.Empty(await _broker.BindingKeysAsync(a, "amq.topic"));
        Assert.DoesNotContain(run.Output, l => l.StartsWith("password ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task rotate_gives_the_existing_user_a_new_password_and_the_old_one_stops_working()
    {
        var a = Partner("rotated");
        var config = Settings(new PartnerSettings(a, ["punjab"], [EventKinds.Warnings]));
        var first = Passwords(await ProvisionAsync("--config", config))[a];

        var run = await ProvisionAsync("--config", config, "--rotate", a);

        Assert.True(run.ExitCode == 0, run.ToString());
        var second = Passwords(run)[a];
        Assert.NotEqual(first, second);
        Assert.False(await _broker.CanLogInAsync(a, first));
        Assert.True(await _broker.CanLogInAsync(a, second));
    }

    [Fact]
    public async Task the_broker_can_come_from_the_settings_and_the_partners_from_the_environment()
    {
        var a = Partner("from-env");
        var config = _folder.Write("broker.json", JsonSerializer.Serialize(new { ConnectionStrings = new { RabbitMq = _vhost.Uri } }));

        var run = await Ew.RunAsync(new Dictionary<string, string>
        {
            ["Partners__0__Name"] = a,
            ["Partners__0__KeySha256"] = new string('a', 64),
            ["Partners__0__Provinces__0"] = "sindh",
            ["Partners__0__Kinds__0"] = "incidents",
        }, "partners", "provision", "--config", config);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["incident.sindh.#"], await _broker.BindingKeysAsync(a));
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "unknown province", ["--config", "{bad-province}"], "is not a province id of the gazetteer" },
        { "no such settings file", ["--config", "no-such-settings.json"], "there is no settings file at" },
        { "not JSON", ["--config", "{not-json}"], "is not a JSON settings file" },
        { "no partners", ["--config", "{no-partners}"], "there are no partners under 'Partners'" },
        { "rotate a stranger", ["--config", "{good}", "--rotate", "nobody"], "--rotate 'nobody' is not a partner of the settings" },
        { "bad AMQP URI", ["--config", "{good}", "--amqp", "http://127.0.0.1:5672/"], "--amqp must be a amqp or amqps URL" },
        { "unknown option", ["--config", "{good}", "--force"], "unknown option '--force' for partners provision" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task bad_input_is_one_line_exit_code_2_and_changes_nothing(string _, string[] args, string expected)
    {
        var a = Partner("untouched");
        var files = new Dictionary<string, string>
        {
            ["{good}"] = Settings(new PartnerSettings(a, ["sindh"], Both)),
            ["{bad-province}"] = Settings(new PartnerSettings(a, ["sindh"], Both), new PartnerSettings(Partner("bad"), ["atlantis"], Both)),
            ["{not-json}"] = _folder.Write("not.json", "{ \"Partners\": [ "),
            ["{no-partners}"] = _folder.Write("empty.json", "{}"),
        };

        var run = await ProvisionAsync([.. args.Select(arg => files.GetValueOrDefault(arg, arg))]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Errors);
        Assert.StartsWith("ew: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Null(await _broker.UserAsync(a));
        Assert.Null(await _broker.QueueAsync(a));
    }

    [Fact]
    public async Task an_unreachable_broker_is_one_line_exit_code_1_and_changes_nothing()
    {
        var a = Partner("unreachable");
        var config = Settings(new PartnerSettings(a, ["sindh"], Both));
        var admin = RabbitMqServer.Uri;
        // The management API answers, so everything is read and planned; AMQP does not, so nothing may be changed.
        var management = $"http://{admin.UserInfo}@{admin.Host}:15672";

        var amqpDown = await ProvisionAsync("--config", config, "--amqp", new UriBuilder(_vhost.Uri) { Port = 1 }.Uri.ToString(), "--management", management);
        var managementDown = await ProvisionAsync("--config", config, "--management", "http://127.0.0.1:1");

        foreach (var run in new[] { amqpDown, managementDown })
        {
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Empty(run.Output);
            Assert.StartsWith("ew: RabbitMQ", Assert.Single(run.Errors), StringComparison.Ordinal);
        }
        Assert.Contains("127.0.0.1:1", amqpDown.Errors[0], StringComparison.Ordinal);
        Assert.Contains("management API at http://127.0.0.1:1/api/", managementDown.Errors[0], StringComparison.Ordinal);
        Assert.Null(await _broker.UserAsync(a));
        Assert.Null(await _broker.QueueAsync(a));
    }

    private string Partner(string stem)
    {
        var name = PartnerSettings.UniqueName(stem);
        _partners.Add(name);
        return name;
    }

    private string Settings(params PartnerSettings[] partners) =>
        PartnerSettings.Write(_folder, $"appsettings-{Guid.NewGuid():N}.json", partners);

    /// <summary>Runs provision on this test's vhost as the test broker's administrator, unless the arguments name a broker.</summary>
    private Task<EwRun> ProvisionAsync(params string[] args) =>
        Ew.RunAsync(["partners", "provision", .. args, .. args.Contains("--amqp") ? [] : new[] { "--amqp", _vhost.Uri }]);

    /// <summary>The passwords printed once, by partner.</summary>
    private static Dictionary<string, string> Passwords(EwRun run) =>
        run.Output.Where(l => l.StartsWith("password ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[1], p => p[3]);
}
