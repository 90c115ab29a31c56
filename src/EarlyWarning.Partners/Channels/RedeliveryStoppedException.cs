namespace EarlyWarning.Partners.Channels;

/// <summary>
/// A re-delivery stopped before the head it was asked to reach: the receiver refused an event, or the policy gave up
/// on it. <see cref="Partial"/> says what went out: every admitted event after its <c>After</c> through its <c>Through</c>.
/// </summary>
public sealed class RedeliveryStoppedException(RedeliveryResult partial, string reason) : Exception(reason)
{
    public RedeliveryResult Partial { get; } = partial;
}
