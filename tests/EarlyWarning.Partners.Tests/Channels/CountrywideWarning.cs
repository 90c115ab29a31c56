using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Partners.Tests.Channels;

/// <summary>A sample warning grouped over the whole country: no province of its own, so partners route it by its incidents'.</summary>
internal static class CountrywideWarning
{
    /// <summary>Incidents in Sindh and Khyber Pakhtunkhwa, then Balochistan.</summary>
    public static WarningSnapshot Of(string severity)
    {
        var warning = SampleWarnings.Coordinated(severity: severity);
        var incident = warning.Incidents[0];
        return warning with
        {
            ProvinceId = null,
            GroupBy = "all",
            GroupKey = "all",
            GroupName = "Pakistan",
            Incidents =
            [
                incident with { IncidentId = "incident-s", ProvinceId = "sindh", DistrictId = "karachi-south" },
                incident with { IncidentId = "incident-k", ProvinceId = "khyber-pakhtunkhwa", DistrictId = "peshawar" },
                incident,
            ],
        };
    }
}
