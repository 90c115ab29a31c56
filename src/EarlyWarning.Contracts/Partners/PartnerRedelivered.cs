using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Partners;

/// <summary>An operator had a partner's events sent again on one channel (the audit of the re-delivery).</summary>
/// <param name="Partner">The partner's name.</param>
/// <param name="Channel"><c>amqp</c> or <c>webhook</c>.</param>
/// <param name="By">The operator's (or admin's) key name.</param>
/// <param name="Since">The time the operator gave, when they gave one instead of a position.</param>
/// <param name="After">The position re-delivery started after (exclusive): the one given, or the last recorded before <paramref name="Since"/>.</param>
/// <param name="Through">The store's head when the re-delivery began: the last position it covered.</param>
/// <param name="Events">How many events went out.</param>
/// <param name="Error">Why it stopped early, when it did; null when it covered everything up to <paramref name="Through"/>.</param>
/// <param name="RedeliveredAt">When it finished.</param>
[EventType("V1.PartnerRedelivered")]
public sealed record PartnerRedelivered(
    string Partner,
    string Channel,
    string By,
    DateTimeOffset? Since,
    long After,
    long Through,
    int Events,
    string? Error,
    DateTimeOffset RedeliveredAt);
