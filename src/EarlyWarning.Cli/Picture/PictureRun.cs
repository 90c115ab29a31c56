using System.Globalization;
using System.Text.Json;
using EarlyWarning.Cli.CommandLine;
using EarlyWarning.Cli.Output;
using EarlyWarning.Cli.Store;
using EarlyWarning.Contracts;
using EarlyWarning.Warnings.Board;

namespace EarlyWarning.Cli.Picture;

/// <summary>
/// <c>ew picture</c>: the incidents and warnings as the system knew them at a moment, folded from the events recorded
/// up to it with the code the dashboard's time slider uses, so corrections and late reports recorded afterwards are
/// left out. Reads only.
/// </summary>
internal static class PictureRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly string[] WarningHeader = ["severity", "rule", "group", "version", "status", "incidents", "killed", "known at (UTC)", "acknowledged by", "warning"];
    private static readonly bool[] WarningNumeric = [false, false, false, true, false, true, true, false, false, false];
    private static readonly string[] IncidentHeader = ["occurred (UTC)", "recorded (UTC)", "type", "district", "province", "killed", "incident"];
    private static readonly bool[] IncidentNumeric = [false, false, false, false, false, true, false];

    /// <exception cref="ArgumentException">The store options name no usable store.</exception>
    /// <exception cref="EventStore.StoreUnavailableException">The store cannot be opened or read.</exception>
    public static async Task RunAsync(PictureOptions options, TextWriter output, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var asOf = options.AsOf ?? now;
        var store = await StoreOpener.OpenAsync(options.Store, options.Schema, cancellationToken).ConfigureAwait(false);
        PictureView picture;
        await using (store.ConfigureAwait(false))
            picture = await PictureHistory.AsOfAsync(store, ContractTypes.CreateRegistry(), asOf, cancellationToken).ConfigureAwait(false);

        if (options.Format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(picture, Json));
            return;
        }
        var open = picture.Warnings.Count(w => w.IsOpen);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The picture as known at {ReportText.Iso(asOf)} (events up to position {picture.Position}): {picture.Incidents.Count} incidents, {open} warnings open, {picture.Warnings.Count - open} recently resolved."));
        output.WriteLine();
        if (picture.Warnings.Count > 0)
        {
            TextTable.Write(output, WarningHeader, WarningNumeric, picture.Warnings.Select(w => new[]
            {
                w.Warning.Severity, w.Warning.RuleId, w.Warning.GroupName, w.Version.ToString(CultureInfo.InvariantCulture), w.Warning.Status,
                w.Warning.IncidentCount.ToString(CultureInfo.InvariantCulture), w.Warning.Killed.ToString(CultureInfo.InvariantCulture),
                ReportText.Minute(w.KnownAt), w.Acknowledgement?.By ?? "-", w.WarningId,
            }));
            output.WriteLine();
        }
        if (picture.Incidents.Count > 0)
        {
            TextTable.Write(output, IncidentHeader, IncidentNumeric, picture.Incidents.Select(i => new[]
            {
                ReportText.Minute(i.OccurredAt), ReportText.Minute(i.RecordedAt), i.IncidentType, i.District, i.Province,
                i.Killed?.ToString(CultureInfo.InvariantCulture) ?? "-", i.IncidentId,
            }));
        }
    }
}
