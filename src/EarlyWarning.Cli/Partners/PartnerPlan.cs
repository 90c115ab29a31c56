using EarlyWarning.Partners.Channels;
using EarlyWarning.Partners.Registry;

namespace EarlyWarning.Cli.Partners;

/// <summary>What provisioning changes for one partner, read from the broker before anything is changed.</summary>
/// <param name="Partner">The partner as the settings have it.</param>
/// <param name="User">What happens to its user.</param>
/// <param name="Tags">The tags its user has now.</param>
/// <param name="Permissions">Whether its permissions on the virtual host differ from <see cref="PartnerTopology.Permissions"/> (or are missing).</param>
/// <param name="Exchange">Whether its exchange is missing.</param>
/// <param name="Queue">Whether its queue is missing.</param>
/// <param name="Bind">The binding keys of the entitlement its queue lacks.</param>
/// <param name="Unbind">The bindings of its queue the entitlement does not allow.</param>
internal sealed record PartnerPlan(
    Partner Partner,
    UserChange User,
    IReadOnlyList<string> Tags,
    bool Permissions,
    bool Exchange,
    bool Queue,
    IReadOnlyList<string> Bind,
    IReadOnlyList<StaleBinding> Unbind)
{
    public PartnerTopology Topology { get; } = new(Partner.Name);

    /// <summary>One line per change, for the operator; none when the partner is as the settings say.</summary>
    public IEnumerable<string> Changes(string virtualHost)
    {
        var topology = Topology;
        switch (User)
        {
            case UserChange.Create:
                yield return $"create user {topology.User} with a new password";
                break;
            case UserChange.NewPassword:
                yield return $"give user {topology.User} a new password{(Tags.Count > 0 ? $" and remove its tags ({string.Join(", ", Tags)})" : "")}";
                break;
            case UserChange.ClearTags:
                yield return $"remove the tags of user {topology.User} ({string.Join(", ", Tags)}); its password stays";
                break;
        }
        if (Permissions)
        {
            var (configure, write, read) = topology.Permissions;
            yield return $"set the permissions of {topology.User} on vhost '{virtualHost}': configure '{configure}', write '{write}', read '{read}'";
        }
        if (Exchange)
            yield return $"declare exchange {topology.Exchange} (topic, durable)";
        if (Queue)
            yield return $"declare queue {topology.Queue} (quorum)";
        foreach (var key in Bind)
            yield return $"bind {topology.Queue} to {topology.Exchange} by '{key}'";
        foreach (var binding in Unbind)
            yield return $"unbind {topology.Queue} from {(binding.Source == topology.Exchange ? binding.Source : $"exchange '{binding.Source}'")} by '{binding.RoutingKey}' (not in the entitlement)";
    }
}
