using EarlyWarning.Contracts.Reports;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Http;

/// <summary>Valid reports from Khyber Pakhtunkhwa, a few days apart so each is an incident of its own.</summary>
internal static class KpReports
{
    public static IncidentReported In(string reportId, string district = "Peshawar", int daysBefore = 0) =>
        Reports.In(reportId, district, null, 1, Reports.Attack.AddDays(-3 * daysBefore)) with { Location = new ReportedLocation("Khyber Pakhtunkhwa", district, null) };
}
