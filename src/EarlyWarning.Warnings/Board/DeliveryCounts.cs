namespace EarlyWarning.Warnings.Board;

/// <summary>How many deliveries of a warning's versions were accepted, and how many were dead-lettered.</summary>
public sealed record DeliveryCounts(int Delivered, int Failed)
{
    public static DeliveryCounts None { get; } = new(0, 0);
}
