using System.Security.Cryptography;
using System.Text;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Rules.Loading;
using static EarlyWarning.Rules.Tests.Loading.RuleYaml;

namespace EarlyWarning.Rules.Tests.Loading;

public sealed class RuleSetHashTests
{
    private static readonly RuleFileContent A = new("a.yaml", Rule("single", id: "a"));
    private static readonly RuleFileContent B = new("b.yaml", Rule("single", id: "b"));

    [Fact]
    public void the_hash_is_sha256_over_names_and_contents_each_followed_by_nul_in_name_order()
    {
        var bytes = Encoding.UTF8.GetBytes($"a.yaml\0{A.Content}\0b.yaml\0{B.Content}\0");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), RuleSetLoader.Hash([B, A]));
    }

    [Fact]
    public void the_hash_does_not_depend_on_the_order_files_are_listed_in()
    {
        Assert.Equal(RuleSetLoader.Hash([A, B]), RuleSetLoader.Hash([B, A]));
    }

    [Fact]
    public void the_hash_changes_with_any_content()
    {
        Assert.NotEqual(RuleSetLoader.Hash([A, B]), RuleSetLoader.Hash([A, B with { Content = B.Content + "# a comment\n" }]));
    }

    [Fact]
    public void the_hash_changes_with_a_file_name()
    {
        Assert.NotEqual(RuleSetLoader.Hash([A, B]), RuleSetLoader.Hash([A, B with { Name = "c.yaml" }]));
    }

    [Fact]
    public void moving_text_from_one_file_to_the_next_changes_the_hash()
    {
        var split = new RuleFileContent[] { new("a.yaml", "x"), new("b.yaml", "y") };
        var moved = new RuleFileContent[] { new("a.yaml", "xb.yaml"), new("b.yaml", "y") };

        Assert.NotEqual(RuleSetLoader.Hash(split), RuleSetLoader.Hash(moved));
    }

    [Fact]
    public void names_are_ordered_ordinally_not_by_culture()
    {
        RuleFileContent upper = new("Z.yaml", "z"), lower = new("a.yaml", "a");
        var bytes = Encoding.UTF8.GetBytes("Z.yaml\0z\0a.yaml\0a\0");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), RuleSetLoader.Hash([lower, upper]));
    }

    [Fact]
    public void a_loaded_set_carries_the_hash_of_its_files()
    {
        Assert.Equal(RuleSetLoader.Hash([A, B]), Load(("b.yaml", B.Content), ("a.yaml", A.Content)).Hash);
    }
}
