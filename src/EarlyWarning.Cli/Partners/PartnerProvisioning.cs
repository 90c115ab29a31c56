using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using EarlyWarning.Cli.CommandLine;
using EarlyWarning.Partners.Channels;
using EarlyWarning.Partners.Channels.Amqp;
using EarlyWarning.Partners.Registry;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EarlyWarning.Cli.Partners;

/// <summary>
/// <c>ew partners provision</c>: makes RabbitMQ match the partners of the services' settings. Everything is read
/// and checked first (the settings, the options, both servers, what exists), so a mistake changes nothing; then
/// each partner's user, permissions, topology (declared as the relay declares it, <see cref="PartnerAmqpTopology"/>)
/// and stale bindings are put right. What already matches is left alone, so a second run changes nothing.
/// </summary>
internal static class PartnerProvisioning
{
    /// <summary>The part of every <see cref="PartnerTopology.User"/> before the partner's name.</summary>
    private static readonly string UserPrefix = new PartnerTopology("-").User[..^1];

    /// <exception cref="ArgumentException">The settings or options are wrong; nothing was changed.</exception>
    /// <exception cref="ServerException">RabbitMQ is unreachable, refused, or holds a partner's name with another shape.</exception>
    public static async Task RunAsync(ProvisionOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = Settings(options.Config);
        var (registry, _) = PartnerRegistry.From(configuration, Gazetteer.Gazetteer.Default);
        var partners = registry.Partners.ToList();
        if (partners.Count == 0)
            throw new ArgumentException($"there are no partners under '{PartnerRegistry.Section}' in {(options.Config ?? "the environment")}; nothing to provision");
        foreach (var name in options.Rotate.Where(n => partners.TrueForAll(p => p.Name != n)))
            throw new ArgumentException($"--rotate '{name}' is not a partner of the settings; they are {string.Join(", ", partners.Select(p => p.Name))}");

        var factory = Factory(options.Amqp ?? BrokerOf(configuration));
        var managementAddress = options.Management ?? new UriBuilder(Uri.UriSchemeHttp, factory.HostName, 15672).Uri;
        var (managementUser, managementPassword) = managementAddress.UserInfo.Length > 0 ? Credentials(managementAddress) : (factory.UserName, factory.Password);
        var vhost = factory.VirtualHost;

        using var management = new RabbitMqManagement(managementAddress, managementUser, managementPassword);
        if (await management.GetAsync($"vhosts/{RabbitMqManagement.Segment(vhost)}", cancellationToken).ConfigureAwait(false) is null)
            throw new ServerException($"RabbitMQ at {factory.HostName} has no virtual host '{vhost}'; create it (rabbitmqctl add_vhost) or name another in the AMQP URI");
        var plans = new List<PartnerPlan>();
        foreach (var partner in partners)
            plans.Add(await PlanAsync(management, vhost, partner, options.Rotate.Contains(partner.Name), cancellationToken).ConfigureAwait(false));
        var strangers = await StrangersAsync(management, vhost, partners, cancellationToken).ConfigureAwait(false);

        var changes = plans.Sum(p => p.Changes(vhost).Count());
        var where = $"{partners.Count} partner{(partners.Count == 1 ? "" : "s")} on vhost '{vhost}' at {factory.HostName}";
        if (options.DryRun)
        {
            Write(output, plans, vhost, strangers);
            output.WriteLine(changes == 0
                ? $"Dry run: nothing to change for {where}: RabbitMQ is as the settings say."
                : $"Dry run: {changes} change{(changes == 1 ? "" : "s")} to make for {where}; nothing was changed.");
            return;
        }

        // Both servers are known to answer before the first change.
        var passwords = new List<(PartnerPlan Plan, string Password)>();
        await using (var connection = await ConnectAsync(factory, cancellationToken).ConfigureAwait(false))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            foreach (var plan in plans)
            {
                if (await ApplyAsync(plan, management, channel, vhost, cancellationToken).ConfigureAwait(false) is { } password)
                    passwords.Add((plan, password));
                Write(output, [plan], vhost, []);
            }
        }
        Write(output, [], vhost, strangers);
        output.WriteLine(changes == 0
            ? $"Nothing to change for {where}: RabbitMQ is as the settings say."
            : $"Made {changes} change{(changes == 1 ? "" : "s")} for {where}.");
        if (passwords.Count > 0)
        {
            output.WriteLine("New passwords, shown this once (give each to its partner; --rotate <partner> makes another):");
            foreach (var (plan, password) in passwords)
                output.WriteLine($"password {plan.Partner.Name} {plan.Topology.User} {password}");
        }
    }

    private static void Write(TextWriter output, IEnumerable<PartnerPlan> plans, string vhost, IReadOnlyList<string> strangers)
    {
        foreach (var plan in plans)
            foreach (var change in plan.Changes(vhost))
                output.WriteLine($"{plan.Partner.Name}: {change}");
        foreach (var user in strangers)
            output.WriteLine($"note: user {user} has permissions on vhost '{vhost}' but is no partner of the settings; left as it is");
    }

    private static async Task<PartnerPlan> PlanAsync(RabbitMqManagement management, string vhost, Partner partner, bool rotate, CancellationToken cancellationToken)
    {
        var topology = new PartnerTopology(partner.Name);
        var v = RabbitMqManagement.Segment(vhost);

        var user = await management.GetAsync($"users/{RabbitMqManagement.Segment(topology.User)}", cancellationToken).ConfigureAwait(false);
        var tags = user is { } u ? Tags(u) : [];
        var userChange = user is null ? UserChange.Create : rotate ? UserChange.NewPassword : tags.Count > 0 ? UserChange.ClearTags : UserChange.None;

        var (configure, write, read) = topology.Permissions;
        var permissions = await management.GetAsync($"permissions/{v}/{RabbitMqManagement.Segment(topology.User)}", cancellationToken).ConfigureAwait(false);
        var permissionsDiffer = permissions is not { } p
            || Text(p, "configure") != configure || Text(p, "write") != write || Text(p, "read") != read;

        var exchange = await management.GetAsync($"exchanges/{v}/{RabbitMqManagement.Segment(topology.Exchange)}", cancellationToken).ConfigureAwait(false);
        if (exchange is { } e && (Text(e, "type") != ExchangeType.Topic || !Flag(e, "durable")))
            throw new ServerException($"exchange {topology.Exchange} exists on vhost '{vhost}' as a {(Flag(e, "durable") ? "durable" : "transient")} {Text(e, "type")} exchange, not the durable topic exchange a partner's is; delete it and provision again");
        var queue = await management.GetAsync($"queues/{v}/{RabbitMqManagement.Segment(topology.Queue)}", cancellationToken).ConfigureAwait(false);
        if (queue is { } q && Text(q, "type") != "quorum")
            throw new ServerException($"queue {topology.Queue} exists on vhost '{vhost}' as a {Text(q, "type")} queue, not the quorum queue a partner's is; move or drop its messages, delete it and provision again");

        var wanted = PartnerTopology.BindingKeys(partner.Entitlement);
        var bound = new List<(string Source, string Key, string PropertiesKey)>();
        if (queue is not null && await management.GetAsync($"queues/{v}/{RabbitMqManagement.Segment(topology.Queue)}/bindings", cancellationToken).ConfigureAwait(false) is { } bindings)
        {
            // The default exchange's binding of every queue (source "") is the broker's, not provisioning's.
            foreach (var binding in bindings.EnumerateArray().Where(b => Text(b, "source").Length > 0 && Text(b, "destination_type") == "queue"))
                bound.Add((Text(binding, "source"), Text(binding, "routing_key"), Text(binding, "properties_key")));
        }
        var bind = wanted.Where(key => !bound.Exists(b => b.Source == topology.Exchange && b.Key == key)).ToList();
        var unbind = bound
            .Where(b => b.Source != topology.Exchange || !wanted.Contains(b.Key))
            .Select(b => new StaleBinding(b.Source, b.Key, b.PropertiesKey))
            .ToList();
        return new PartnerPlan(partner, userChange, tags, permissionsDiffer, exchange is null, queue is null, bind, unbind);
    }

    /// <summary>Applies one partner's plan; returns the new password when one was set.</summary>
    private static async Task<string?> ApplyAsync(PartnerPlan plan, RabbitMqManagement management, IChannel channel, string vhost, CancellationToken cancellationToken)
    {
        var topology = plan.Topology;
        var v = RabbitMqManagement.Segment(vhost);
        var userPath = $"users/{RabbitMqManagement.Segment(topology.User)}";
        string? password = null;
        switch (plan.User)
        {
            case UserChange.Create or UserChange.NewPassword:
                password = NewPassword();
                await management.PutAsync(userPath, new Dictionary<string, string> { ["password"] = password, ["tags"] = "" }, cancellationToken).ConfigureAwait(false);
                break;
            case UserChange.ClearTags:
                // Re-sent with its own hash, so the password the partner holds stays valid.
                var user = await management.GetAsync(userPath, cancellationToken).ConfigureAwait(false)
                    ?? throw new ServerException($"user {topology.User} was deleted while provisioning; provision again");
                await management.PutAsync(userPath, new Dictionary<string, string>
                {
                    ["password_hash"] = Text(user, "password_hash"),
                    ["hashing_algorithm"] = Text(user, "hashing_algorithm"),
                    ["tags"] = "",
                }, cancellationToken).ConfigureAwait(false);
                break;
        }
        if (plan.Permissions)
        {
            var (configure, write, read) = topology.Permissions;
            await management.PutAsync($"permissions/{v}/{RabbitMqManagement.Segment(topology.User)}",
                new Dictionary<string, string> { ["configure"] = configure, ["write"] = write, ["read"] = read }, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            await PartnerAmqpTopology.DeclareAsync(channel, plan.Partner, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationInterruptedException ex)
        {
            throw new ServerException($"RabbitMQ refused to declare the topology of partner {plan.Partner.Name}: {ex.ShutdownReason?.ReplyText ?? ex.Message}", ex);
        }
        foreach (var binding in plan.Unbind)
        {
            await management.DeleteAsync(
                $"bindings/{v}/e/{RabbitMqManagement.Segment(binding.Source)}/q/{RabbitMqManagement.Segment(topology.Queue)}/{RabbitMqManagement.Segment(binding.PropertiesKey)}",
                cancellationToken).ConfigureAwait(false);
        }
        return password;
    }

    /// <summary>Users named as partners' users with permissions on this vhost, whom the settings no longer name.</summary>
    private static async Task<List<string>> StrangersAsync(RabbitMqManagement management, string vhost, List<Partner> partners, CancellationToken cancellationToken)
    {
        var known = partners.Select(p => new PartnerTopology(p.Name).User).ToHashSet(StringComparer.Ordinal);
        var permissions = await management.GetAsync($"vhosts/{RabbitMqManagement.Segment(vhost)}/permissions", cancellationToken).ConfigureAwait(false);
        return permissions is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(p => Text(p, "user"))
                .Where(u => u.StartsWith(UserPrefix, StringComparison.Ordinal) && !known.Contains(u))
                .Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static async Task<IConnection> ConnectAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        try
        {
            return await factory.CreateConnectionAsync("ew partners provision", cancellationToken).ConfigureAwait(false);
        }
        catch (BrokerUnreachableException ex)
        {
            var cause = ex.InnerException is AuthenticationFailureException
                ? $"it refused user '{factory.UserName}'"
                : Innermost(ex).Message.TrimEnd('.');
            throw new ServerException($"RabbitMQ at {factory.HostName}:{factory.Port} (vhost '{factory.VirtualHost}') cannot be used: {cause}", ex);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
            ex = ex.InnerException;
        return ex;
    }

    /// <summary>The settings as a service reads them: the file, then the environment over it.</summary>
    private static IConfiguration Settings(string? path)
    {
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
                throw new ArgumentException($"--config: there is no settings file at {full}");
            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        builder.AddEnvironmentVariables();
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or JsonException)
        {
            throw new ArgumentException($"--config: {path} is not a JSON settings file: {Innermost(ex).Message}", ex);
        }
    }

    private static Uri BrokerOf(IConfiguration configuration)
    {
        var text = configuration.GetConnectionString("RabbitMq");
        if (string.IsNullOrWhiteSpace(text))
            throw new ArgumentException("no broker to provision: give --amqp amqp://user:password@host:5672/vhost (an administrator), or set ConnectionStrings:RabbitMq in the settings");
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" or "rabbitmq"
            ? new UriBuilder(uri) { Scheme = uri.Scheme == "amqps" ? "amqps" : "amqp" }.Uri
            : throw new ArgumentException("ConnectionStrings:RabbitMq of the settings must be an AMQP URI such as amqp://user:password@127.0.0.1:5672/");
    }

    private static ConnectionFactory Factory(Uri amqp)
    {
        var factory = new ConnectionFactory
        {
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
        };
        try
        {
            factory.Uri = amqp;
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"the AMQP URI {Redacted(amqp)} cannot be used: {ex.Message}", ex);
        }
        return factory;
    }

    private static (string User, string Password) Credentials(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static string Redacted(Uri uri) => new UriBuilder(uri) { Password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? "***" : "" }.Uri.ToString();

    /// <summary>192 random bits, URL-safe base64: no character a shell, a URI or a config file treats specially.</summary>
    private static string NewPassword() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    private static List<string> Tags(JsonElement user) =>
        user.TryGetProperty("tags", out var tags)
            ? tags.ValueKind == JsonValueKind.Array
                ? tags.EnumerateArray().Select(t => t.GetString() ?? "").Where(t => t.Length > 0).ToList()
                : (tags.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static bool Flag(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
