namespace EarlyWarning.Rules.Engine;

/// <summary>Where a rule's runtime reports episodes it created, changed or lost; the engine turns them into warning events.</summary>
internal interface IEpisodeSink
{
    void Changed(RuleRuntime rule, GroupState group, Episode episode);

    void Vanished(RuleRuntime rule, GroupState group, Episode episode, Episode? successor);
}
