using EarlyWarning.Testing;
using System.Text;
using EarlyWarning.Sources.Scenario.Tests.Generation;
using Xunit;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>
/// The committed scenario file is the generator's output, byte for byte. EW_REGENERATE_SCENARIO=1 rewrites the
/// file from the generator first (then this test passes and the diff shows what changed).
/// </summary>
public sealed class ScenarioGenerationTests
{
    [Fact]
    public void the_committed_scenario_is_byte_for_byte_what_the_generator_makes()
    {
        var generated = Encoding.UTF8.GetBytes(ScenarioGenerator.Generate());
        if (Environment.GetEnvironmentVariable("EW_REGENERATE_SCENARIO") == "1")
            File.WriteAllBytes(Repository.ShippedScenario, generated);

        var committed = File.ReadAllBytes(Repository.ShippedScenario);
        Assert.True(
            committed.AsSpan().SequenceEqual(generated),
            $"{Repository.ShippedScenario} differs from what the generator makes ({committed.Length} and {generated.Length} bytes). " +
            "Regenerate it with EW_REGENERATE_SCENARIO=1 dotnet test tests/EarlyWarning.Sources.Scenario.Tests --filter ScenarioGenerationTests, " +
            "or revert the generator change.");
    }

    [Fact]
    public void generating_twice_gives_the_same_text() =>
        Assert.Equal(ScenarioGenerator.Generate(), ScenarioGenerator.Generate());

    [Fact]
    public void the_embedded_scenario_is_the_committed_file()
    {
        using var stream = typeof(ScenarioFile).Assembly.GetManifestResourceStream("EarlyWarning.Sources.Scenario.balochistan-2026.json");
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.True(copy.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(Repository.ShippedScenario)));
    }
}
