using EarlyWarning.Contracts.Partners;
using EarlyWarning.EventStore;

namespace EarlyWarning.Partners.Admin;

/// <summary>
/// One partner's stream read whole, as the admin API decides on it: the store, not this instance's registry (which
/// may not have seen another instance's change yet), says whether the partner exists, and the last revision is the
/// expectation a change appends with, so two concurrent changes cannot both be recorded.
/// </summary>
/// <param name="Registered">The partner's registration while it is registered; null when it never was or was removed since.</param>
/// <param name="LastRevision">The stream's last revision, whatever the event (delivery audits share the stream); null when there is no stream.</param>
internal sealed record PartnerHistory(PartnerRegistered? Registered, StreamRevision? LastRevision)
{
    public ExpectedRevision Expected => LastRevision is { } last ? ExpectedRevision.Exact(last) : ExpectedRevision.NoStream;

    public static async Task<PartnerHistory> ReadAsync(IEventReader store, EventTypeRegistry types, string name, CancellationToken cancellationToken)
    {
        PartnerRegistered? registered = null;
        StreamRevision? last = null;
        await foreach (var recorded in store.ReadStreamAsync(PartnerStreams.Partner(name), Direction.Forwards, StreamRevision.Start, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            last = recorded.Revision;
            switch (types.Deserialize(recorded))
            {
                case PartnerRegistered e:
                    registered = e;
                    break;
                case PartnerRemoved:
                    registered = null;
                    break;
            }
        }
        return new PartnerHistory(registered, last);
    }
}
