using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Warnings.Cap;

namespace EarlyWarning.Partners.Cap;

/// <summary>
/// CAP for partners: a partner entitled to warnings reads the CAP documents and feed of exactly the warning versions
/// its <see cref="Entitlement"/> admits, the same filter as its feed and every other channel. CAP carries no source
/// identities or report text, so nothing in a document needs redacting beyond what the entitlement lets through.
/// </summary>
internal sealed class PartnerCapAudience(PartnerRegistry registry) : ICapAudience
{
    public Func<object, bool>? WarningsFor(ApiCaller caller)
    {
        // Looked up per request: a partner removed or re-registered a moment ago reads by its terms now.
        if (registry.Find(caller) is not { } partner || !partner.Entitlement.Kinds.Contains(EventKinds.Warnings))
            return null;
        var entitlement = partner.Entitlement;
        return warningEvent => entitlement.Admit(warningEvent) is not null;
    }
}
