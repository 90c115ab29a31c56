using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Ingest;
using EarlyWarning.Testing;

namespace EarlyWarning.Partners.Tests.Http;

/// <summary>What the partners' test apps record, as a source and the rules service would: one copy for all of them.</summary>
internal static class TestWebAppWrites
{
    /// <summary>Ingests a report as a source would; returns the incident's id.</summary>
    public static async Task<string> ReportAsync(this TestWebApp app, IncidentReported report)
    {
        var outcome = await app.Get<IncidentIngest>().ReportAsync(report, null);
        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        return outcome.IncidentId!;
    }

    /// <summary>Appends a warning event as the rules service does: exact version on <c>warning-{id}</c>; returns its position.</summary>
    public static async Task<long> AppendWarningAsync(this TestWebApp app, WarningSnapshot warning, int version)
    {
        object warningEvent = version == 1 ? SampleWarnings.Raised(warning) : SampleWarnings.Updated(warning, version);
        return (await WarningAppends.AppendAsync(app.Store, app.Registry, warningEvent)).LastPosition.Value;
    }
}
