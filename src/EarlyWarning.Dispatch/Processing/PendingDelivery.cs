namespace EarlyWarning.Dispatch.Processing;

/// <summary>A delivery handed to its recipient's queue.</summary>
internal sealed record PendingDelivery(DeliveryKey Key, WarningVersion Version);
