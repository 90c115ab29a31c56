namespace EarlyWarning.Cli.Tests;

/// <summary>The test classes that read the scenario store share one, filled once.</summary>
[CollectionDefinition(Name)]
public sealed class ScenarioStoreCollection : ICollectionFixture<ScenarioStore>
{
    public const string Name = "scenario store";
}
