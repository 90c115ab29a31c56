using EarlyWarning.Contracts.Partners;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.Partners.Admin;

internal static partial class PartnerAdminEndpoints
{
    /// <summary>
    /// <c>POST /api/admin/partners</c>: the body is checked by the same <see cref="PartnerTermsValidator"/> as the
    /// configuration (400 with every field error, nothing recorded); the name must be free (409: a partner, of the API
    /// or of configuration, or any API key has it). The registration appends with the stream's expected revision, so
    /// of two registrations of one name exactly one is recorded. 201 with the key, shown this once.
    /// </summary>
    private static async Task<IResult> RegisterAsync(HttpContext context, IEventStore store, EventTypeRegistry types, PartnerRegistry registry, TimeProvider clock)
    {
        const string invalid = "The partner is not valid";
        var (document, problem) = await JsonBody.ReadAsync(context, MaxBodyBytes).ConfigureAwait(false);
        if (problem is not null)
            return problem;
        using (document)
        {
            var (terms, bindErrors) = JsonBody.Bind<PartnerTerms>(document!.RootElement);
            if (terms is null)
                return Problems.Invalid(invalid, bindErrors);
            var (partner, errors) = PartnerTermsValidator.Validate(terms, Gazetteer.Gazetteer.Default);
            // A field the JSON already got wrong is reported once, as the JSON error.
            var all = bindErrors.Concat(errors.Where(e => !bindErrors.Any(b => JsonBody.Overlaps(b.Field, e.Field)))).ToList();
            if (all.Count > 0)
                return Problems.Invalid(invalid, all);

            var name = partner!.Name;
            if (Configured(registry, name) is { } configured)
                return configured;
            if (registry.KeyNamed(name))
            {
                return Problems.Create(StatusCodes.Status409Conflict, "The name is an API key's",
                    $"'{name}' is the name of an API key this service accepts (under '{ApiKeys.Section}', or the host's operator key); a key's name is who calls, so a partner needs a name no key has. Nothing was recorded.");
            }
            try
            {
                for (var attempt = 0; attempt < MaxAttempts; attempt++)
                {
                    var history = await PartnerHistory.ReadAsync(store, types, name, context.RequestAborted).ConfigureAwait(false);
                    if (history.Registered is { } existing)
                    {
                        return Problems.Create(StatusCodes.Status409Conflict, "The partner is already registered",
                            $"Partner '{existing.Name}' was registered by {existing.RegisteredBy} at {existing.RegisteredAt:u}; names are unique whatever their case. Nothing was recorded.");
                    }
                    var key = ApiKeys.NewKey();
                    var registered = new PartnerRegistered(name, ApiKeys.Hash(key), RecordedEntitlement.From(partner.Entitlement), context.Caller().Name, clock.GetUtcNow());
                    try
                    {
                        var result = await store.AppendToStreamAsync(PartnerStreams.Partner(name), history.Expected, Recorded(types, registered, context), context.RequestAborted).ConfigureAwait(false);
                        // Applied here at once, so the key works on the next request; the follower will skip it by its revision.
                        registry.Apply(registered, result.LastRevision.Value);
                        var record = new PartnerRecord(partner, PartnerRecord.Api, registered.RegisteredBy, registered.RegisteredAt);
                        return TypedResults.Created($"/api/admin/partners/{Uri.EscapeDataString(name)}", new PartnerKeyIssued(key, PartnerView.From(record)));
                    }
                    catch (WrongExpectedVersionException)
                    {
                        // Something was appended since the read: perhaps this very name registered by another request.
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
}
