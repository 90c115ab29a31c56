using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Partners.Entitlements;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>The routing key of a decoded incident or warning event, as <see cref="PartnerTopology"/> spells it.</summary>
internal static class PartnerRoutingKeys
{
    /// <exception cref="ArgumentException">Not an incident or warning event (nothing else is ever admitted).</exception>
    public static string For(object decoded, Entitlement entitlement) => decoded switch
    {
        IncidentRecorded e => Incident(e.Incident),
        IncidentCorroborated e => Incident(e.Incident),
        ReportCorrected e => Incident(e.Incident),
        ReportRetracted e => Incident(e.Incident),
        WarningRaised e => PartnerTopology.WarningRoutingKey(e.Warning, entitlement),
        WarningUpdated e => PartnerTopology.WarningRoutingKey(e.Warning, entitlement),
        WarningResolved e => PartnerTopology.WarningRoutingKey(e.Warning, entitlement),
        _ => throw new ArgumentException($"{decoded.GetType().Name} has no partner routing key.", nameof(decoded)),
    };

    private static string Incident(IncidentSummary incident) =>
        PartnerTopology.IncidentRoutingKey(incident.Location.ProvinceId, incident.Location.DistrictId);
}
