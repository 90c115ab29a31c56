using Xunit;

namespace EarlyWarning.Gazetteer.Tests;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("D.I. Khan", "DI Khan")]
    [InlineData("D.I. Khan", "d i khan district")]
    [InlineData("Kēch", "KECH")]
    [InlineData("Khyber-Pakhtunkhwa", "khyber pakhtunkhwa")]
    [InlineData("Las Bela", "Lasbela")]
    [InlineData("Bajaur Agency", "Bajaur")]
    [InlineData("Tehsil Tump", "Tump")]
    [InlineData("Khairpur Mir’s", "Khairpur Mirs")]
    public void spellings_of_one_name_share_a_key(string a, string b) =>
        Assert.Equal(NameKey.From(a), NameKey.From(b));

    [Theory]
    [InlineData("Upper Dir", "Lower Dir")]
    [InlineData("Dera Ismail Khan", "Dera Ghazi Khan")]
    [InlineData("Mirpur", "Mirpur Khas")]
    public void different_names_keep_different_keys(string a, string b) =>
        Assert.NotEqual(NameKey.From(a), NameKey.From(b));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("--")]
    [InlineData("District")]
    public void a_name_of_only_noise_is_empty(string? text) => Assert.True(NameKey.From(text).IsEmpty);

    [Fact]
    public void the_key_is_lower_case_letters_and_digits_only() =>
        Assert.Equal("quetta2", NameKey.From("  QUETTA-2 (District) ").Value);

    [Fact]
    public void the_default_key_is_the_empty_key() => Assert.Equal(default, NameKey.From(""));
}
