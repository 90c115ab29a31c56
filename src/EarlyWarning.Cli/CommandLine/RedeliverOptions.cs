namespace EarlyWarning.Cli.CommandLine;

/// <summary>What <c>ew partners redeliver</c> was asked for: exactly one of <paramref name="After"/> and <paramref name="Since"/>.</summary>
/// <param name="Url">The service's base URL.</param>
/// <param name="Key">An operator's API key.</param>
/// <param name="Partner">The partner's name.</param>
/// <param name="Channel"><c>amqp</c> or <c>webhook</c>.</param>
/// <param name="After">Re-deliver the events after this store position.</param>
/// <param name="Since">Re-deliver the events recorded from this moment.</param>
internal sealed record RedeliverOptions(Uri Url, string Key, string Partner, string Channel, long? After, DateTimeOffset? Since);
