namespace EarlyWarning.Dispatch.Configuration;

/// <summary>One hop of an escalation chain: unacknowledged <paramref name="Delay"/> after the delivery to <paramref name="From"/>, the warning goes to <paramref name="To"/>.</summary>
public sealed record EscalationStep(string From, string To, TimeSpan Delay);
