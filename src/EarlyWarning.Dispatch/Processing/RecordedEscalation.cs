namespace EarlyWarning.Dispatch.Processing;

/// <summary>A <c>WarningEscalated</c> as read, with the chain hop its event id names (null root: an earlier configuration's chain).</summary>
internal sealed record RecordedEscalation(int Number, int Version, string To, DateTimeOffset RecordedAt, string? Root, int Step)
{
    public DeliveryKey Delivery(string warningId) => new(warningId, Version, To, Number);
}
