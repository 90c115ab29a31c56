using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Partners;

/// <summary>An administrator removed a partner: its key is refused and it sees nothing more. The name may be registered again.</summary>
/// <param name="Name">The partner.</param>
/// <param name="RemovedBy">The administrator's key name.</param>
/// <param name="RemovedAt">When.</param>
[EventType("V1.PartnerRemoved")]
public sealed record PartnerRemoved(string Name, string RemovedBy, DateTimeOffset RemovedAt);
