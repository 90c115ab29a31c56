using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Entitlements;

/// <summary>
/// What the entitlement matrix is tested on, the same over HTTP and over AMQP so the channels answer the same
/// question: incidents in Kech (Tump, Turbat), Gwadar, Peshawar and Swat (another source), and a Balochistan warning
/// raised and raised to Extreme beside a Khyber Pakhtunkhwa one.
/// </summary>
internal sealed class EntitlementMatrix
{
    /// <summary>Incident ids by place: tump, turbat, gwadar, peshawar, swat.</summary>
    public Dictionary<string, string> Incidents { get; } = [];

    /// <summary>Warning ids by province: balochistan, kp.</summary>
    public Dictionary<string, string> Warnings { get; } = [];

    public static async Task<EntitlementMatrix> SeedAsync(Func<IncidentReported, Task<string>> report, Func<WarningSnapshot, int, Task<long>> append)
    {
        var matrix = new EntitlementMatrix();
        // Days apart, so ingest records each as an incident of its own.
        matrix.Incidents["tump"] = await report(Reports.In("tump-1", "Kech", "Tump", 2, Reports.Attack));
        matrix.Incidents["turbat"] = await report(Reports.In("turbat-1", "Kech", "Turbat", 1, Reports.Attack.AddDays(-2)));
        matrix.Incidents["gwadar"] = await report(Reports.In("gwadar-1", "Gwadar", null, 1, Reports.Attack.AddDays(-4)));
        matrix.Incidents["peshawar"] = await report(KpReports.In("peshawar-1", "Peshawar"));
        matrix.Incidents["swat"] = await report(KpReports.In("swat-1", "Swat") with { SourceId = "dawn" });
        var balochistan = SampleWarnings.Coordinated();
        var kp = SampleWarnings.Coordinated(province: "khyber-pakhtunkhwa");
        matrix.Warnings["balochistan"] = balochistan.WarningId;
        matrix.Warnings["kp"] = kp.WarningId;
        await append(balochistan, 1);
        await append(kp, 1);
        await append(balochistan with { Severity = CapSeverity.Extreme }, 2);
        return matrix;
    }
}
