using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>The dispatch's span per delivery (a child of the trace that raised the warning) and its outcome counter.</summary>
internal static class DispatchTelemetry
{
    public const string Name = "EarlyWarning.Dispatch";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("earlywarning.dispatch.deliveries", description: "Deliveries by outcome: delivered or dead.");

    public static readonly Counter<long> Escalations = Meter.CreateCounter<long>("earlywarning.dispatch.escalations", description: "Escalations recorded.");
}
