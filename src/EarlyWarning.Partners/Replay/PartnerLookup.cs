using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.Partners.Replay;

/// <summary>The partner an operator's URL names, and the 404 when there is none.</summary>
internal static class PartnerLookup
{
    /// <summary>Partner names are unique whatever their case, so an operator may write them in any.</summary>
    public static Partner? Find(PartnerRegistry partners, string name) => partners.Find(name);

    public static IResult Unknown(string name) =>
        Problems.Create(StatusCodes.Status404NotFound, "Unknown partner", $"No partner is named '{name}'. Nothing was sent or recorded.");
}
