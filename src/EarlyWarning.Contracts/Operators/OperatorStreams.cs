using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Operators;

/// <summary>
/// The audit of operators' acts on the system itself (not on a warning or a partner, which have streams of their own).
/// Never shown to partners: their entitlement admits only incident and warning streams.
/// </summary>
public static class OperatorStreams
{
    /// <summary>One stream for every service: an act is rare, and one place to read who did what is the point.</summary>
    public static readonly StreamName Audit = new("operator-audit");
}
