using EarlyWarning.Contracts.Partners;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.Partners.Admin;

internal static partial class PartnerAdminEndpoints
{
    /// <summary><c>POST /api/admin/partners/{name}/key</c>: a new key, shown once (201); the old one is refused from the moment it is recorded.</summary>
    private static Task<IResult> RotateKeyAsync(string name, HttpContext context, IEventStore store, EventTypeRegistry types, PartnerRegistry registry, TimeProvider clock) =>
        ChangeAsync(name, context, store, types, registry, registered =>
        {
            var key = ApiKeys.NewKey();
            var rotated = new PartnerKeyRotated(registered.Name, ApiKeys.Hash(key), context.Caller().Name, clock.GetUtcNow());
            return (rotated, () =>
            {
                var record = registry.Record(registered.Name)
                    ?? new PartnerRecord(new Partner(registered.Name, RecordedEntitlement.ToEntitlement(registered.Entitlement)), PartnerRecord.Api, registered.RegisteredBy, registered.RegisteredAt);
                return TypedResults.Created($"/api/admin/partners/{Uri.EscapeDataString(registered.Name)}", new PartnerKeyIssued(key, PartnerView.From(record)));
            });
        });

    /// <summary><c>DELETE /api/admin/partners/{name}</c>: 204; its key is refused and it sees nothing more.</summary>
    private static Task<IResult> RemoveAsync(string name, HttpContext context, IEventStore store, EventTypeRegistry types, PartnerRegistry registry, TimeProvider clock) =>
        ChangeAsync(name, context, store, types, registry, registered =>
            (new PartnerRemoved(registered.Name, context.Caller().Name, clock.GetUtcNow()), () => TypedResults.NoContent()));

    /// <summary>
    /// A change of a partner of the API: read its stream, make the event from its registration, append it with the
    /// stream's expected revision, apply it here at once. Another append in between (a delivery audit, another
    /// administrator) makes it read again, so a partner removed meanwhile is 404, never removed twice.
    /// </summary>
    private static async Task<IResult> ChangeAsync(
        string name, HttpContext context, IEventStore store, EventTypeRegistry types, PartnerRegistry registry,
        Func<PartnerRegistered, (object Change, Func<IResult> Answer)> change)
    {
        if (Configured(registry, name) is { } configured)
            return configured;
        if (!PartnerNames.IsValid(name))
            return NoSuchPartner(name);
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var history = await PartnerHistory.ReadAsync(store, types, name, context.RequestAborted).ConfigureAwait(false);
                if (history.Registered is not { } registered)
                    return NoSuchPartner(name);
                var (@event, answer) = change(registered);
                try
                {
                    var result = await store.AppendToStreamAsync(PartnerStreams.Partner(name), history.Expected, Recorded(types, @event, context), context.RequestAborted).ConfigureAwait(false);
                    registry.Apply(@event, result.LastRevision.Value);
                    return answer();
                }
                catch (WrongExpectedVersionException)
                {
                    // Read again: what was appended meanwhile may have removed the partner or changed its key.
                }
            }
            return ChangedMeanwhile(name);
        }
        catch (StoreUnavailableException ex)
        {
            return Problems.StoreUnavailable(ex);
        }
    }
}
