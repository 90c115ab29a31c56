using EarlyWarning.Rules.Loading;
using static EarlyWarning.Rules.Tests.Loading.RuleYaml;

namespace EarlyWarning.Rules.Tests.Loading;

public sealed class LoadDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ew-rules-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void every_yaml_file_of_the_directory_is_loaded_in_name_order()
    {
        Write("b.yaml", Rule("single", id: "b"));
        Write("a.yaml", Rule("single", id: "a"));

        var set = RuleSetLoader.LoadDirectory(_directory, Gazetteer.Gazetteer.Default);

        Assert.Equal(["a", "b"], set.Rules.Select(r => r.Id));
        Assert.Equal(["a.yaml", "b.yaml"], set.Files.Select(f => f.Name));
        Assert.Equal(RuleSetLoader.Hash(set.Files), set.Hash);
    }

    [Fact]
    public void other_files_and_subdirectories_are_ignored()
    {
        Write("rules.yaml", Rule("single"));
        Write("README.md", "not rules");
        Write("draft.yaml.bak", "not: [rules");
        Directory.CreateDirectory(Path.Combine(_directory, "old"));
        File.WriteAllText(Path.Combine(_directory, "old", "old.yaml"), "not: [rules");

        var set = RuleSetLoader.LoadDirectory(_directory, Gazetteer.Gazetteer.Default);

        Assert.Equal(["rules.yaml"], set.Files.Select(f => f.Name));
    }

    [Fact]
    public void errors_name_the_file_relative_to_the_directory()
    {
        Write("default.yaml", Rule("threshold", "window: 6 hours\nminIncidents: 3"));

        var failure = Assert.Throws<RuleSetException>(() => RuleSetLoader.LoadDirectory(_directory, Gazetteer.Gazetteer.Default));

        Assert.StartsWith("default.yaml:8:13: rule 'r': window:", Assert.Single(failure.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void a_file_read_from_disk_hashes_as_its_text()
    {
        var content = "# Ünïcode in a comment\n" + Rule("single");
        Write("a.yaml", content);

        var set = RuleSetLoader.LoadDirectory(_directory, Gazetteer.Gazetteer.Default);

        Assert.Equal(content, set.Files[0].Content);
        Assert.Equal(RuleSetLoader.Hash([new("a.yaml", content)]), set.Hash);
    }

    [Fact]
    public void a_missing_directory_is_an_error_naming_it()
    {
        var missing = Path.Combine(_directory, "nowhere");

        var failure = Assert.Throws<RuleSetException>(() => RuleSetLoader.LoadDirectory(missing, Gazetteer.Gazetteer.Default));

        Assert.Equal($"{missing}:0:0: the rules directory does not exist", Assert.Single(failure.Errors).ToString());
    }

    [Fact]
    public void a_directory_without_a_yaml_file_is_an_error()
    {
        Write("rules.yml", Rule("single"));

        var failure = Assert.Throws<RuleSetException>(() => RuleSetLoader.LoadDirectory(_directory, Gazetteer.Gazetteer.Default));

        Assert.Equal($"{_directory}:0:0: the rules directory has no .yaml file", Assert.Single(failure.Errors).ToString());
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_directory, name), content);
}
