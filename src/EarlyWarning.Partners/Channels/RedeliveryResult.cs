namespace EarlyWarning.Partners.Channels;

/// <summary>What a re-delivery sent: <paramref name="Events"/> admitted events from after <paramref name="After"/> through <paramref name="Through"/>.</summary>
public sealed record RedeliveryResult(string Channel, string Partner, long After, long Through, int Events);
