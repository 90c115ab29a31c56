using System.Globalization;
using EarlyWarning.EventStore;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// Event ids derived from what the event records, so a dispatch that crashed after appending and does the same work
/// again after its restart appends the same id, which the store takes as an idempotent repeat.
/// </summary>
internal static class DispatchEventIds
{
    private static readonly Guid Namespace = new("6f1d3c1e-8a0b-4d43-9d5e-2b7f0c3a9e51");

    public static Guid Outcome(DeliveryKey key) =>
        EventIds.FromName(Namespace, string.Create(CultureInfo.InvariantCulture, $"outcome:{key.WarningId}:{key.Version}:{key.Recipient}:e{key.Escalation}"));

    /// <summary>
    /// The <paramref name="step"/>-th hop of the chain that starts at first-line recipient <paramref name="root"/>. The
    /// escalation number n is not part of it: hops of several chains of one warning interleave, and n is their order of
    /// recording. Reading the id back tells which chain a recorded escalation belongs to.
    /// </summary>
    public static Guid Escalation(string warningId, string root, int step) =>
        EventIds.FromName(Namespace, string.Create(CultureInfo.InvariantCulture, $"escalation:{warningId}:{root}:{step}"));
}
