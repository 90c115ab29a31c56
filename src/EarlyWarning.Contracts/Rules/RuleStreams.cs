using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Rules;

/// <summary>The streams of the rules' own history.</summary>
public static class RuleStreams
{
    /// <summary>Every <see cref="RuleSetActivated"/>, in order.</summary>
    public static StreamName RuleSet { get; } = new("ruleset");

    /// <summary>Every <see cref="SilenceAdded"/> and <see cref="SilenceRemoved"/>.</summary>
    public static StreamName Silences { get; } = new("silences");
}
