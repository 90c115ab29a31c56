using System.Text.RegularExpressions;

namespace EarlyWarning.Partners.Registry;

/// <summary>What a partner's name may be: it names its key, its stream, its RabbitMQ queue and user.</summary>
internal static partial class PartnerNames
{
    public static bool IsValid(string name) => NamePattern().IsMatch(name);

    /// <summary>Whether two names are the same partner: names are unique whatever their case.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
