namespace EarlyWarning.Dispatch.Configuration;

/// <summary>What happens when nobody acknowledges a warning a recipient was sent.</summary>
/// <param name="After">How long after this recipient's delivery outcome the warning goes to <paramref name="Next"/>.</param>
/// <param name="Next">The recipient it goes to then.</param>
/// <param name="Repeat">For a first-line recipient: how many more times the whole chain runs after it ends.</param>
public sealed record EscalationPolicy(TimeSpan After, string Next, int Repeat);
