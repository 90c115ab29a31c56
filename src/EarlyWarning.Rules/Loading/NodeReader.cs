using System.Globalization;
using EarlyWarning.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace EarlyWarning.Rules.Loading;

/// <summary>
/// Reads typed values out of YAML nodes of one file. A value that is wrong is reported where it is written, prefixed
/// with what it belongs to (<c>rule 'x': </c>) and the key's path, and read as null, so reading goes on and every
/// error of the file is found.
/// </summary>
internal sealed class NodeReader(string file, string prefix, ErrorList errors)
{
    private const int MaxQuoted = 60;

    /// <summary>The same file, with messages about something else (a rule, a site).</summary>
    public NodeReader For(string about) => new(file, about, errors);

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => errors.Add(At(node), prefix + message);

    public Fields? Mapping(YamlNode node, string path, string expected)
    {
        if (node is YamlMappingNode mapping)
            return new Fields(this, mapping, path);
        Error(node, $"{path}: expected {expected}, got {Describe(node)}");
        return null;
    }

    public string? Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar) && scalar.Value!.Trim().Length > 0)
            return scalar.Value.Trim();
        Error(node, $"{path}: expected text, got {Describe(node)}");
        return null;
    }

    /// <summary>A count: a whole number of at least one.</summary>
    public int? Count(YamlNode node, string path)
    {
        if (Scalar(node) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value > 0)
            return value;
        Error(node, $"{path}: expected a whole number of at least 1, got {Describe(node)}");
        return null;
    }

    public double? PositiveNumber(YamlNode node, string path)
    {
        if (Number(node) is > 0 and var value)
            return value;
        Error(node, $"{path}: expected a number greater than 0, got {Describe(node)}");
        return null;
    }

    public double? NumberWhere(YamlNode node, string path, Func<double, bool> valid, string expected)
    {
        if (Number(node) is { } value && valid(value))
            return value;
        Error(node, $"{path}: expected {expected}, got {Describe(node)}");
        return null;
    }

    public TimeSpan? Duration(YamlNode node, string path)
    {
        if (Scalar(node) is { } text && Durations.Parse(text) is { } duration)
            return duration;
        Error(node, $"{path}: expected a duration like 30m, 6h or 7d, got {Describe(node)}");
        return null;
    }

    /// <summary>One of <paramref name="values"/>, matched ignoring case and returned as the vocabulary writes it.</summary>
    public string? OneOf(YamlNode node, string path, IEnumerable<string> values)
    {
        var text = Scalar(node);
        var known = values.ToList();
        var match = text is null ? null : known.Find(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
            Error(node, $"{path}: expected one of {string.Join(", ", known)}, got {Describe(node)}");
        return match;
    }

    /// <summary>A list of scalars; a single scalar is a list of one. An empty list is an error: it would match nothing.</summary>
    public IReadOnlyList<YamlScalarNode>? Items(YamlNode node, string path)
    {
        if (node is YamlScalarNode single && !IsNull(single))
            return [single];
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"{path}: expected a list, got {Describe(node)}");
            return null;
        }
        if (sequence.Children.Count == 0)
        {
            Error(node, $"{path}: an empty list matches nothing; leave {path} out to mean any");
            return null;
        }
        var items = new List<YamlScalarNode>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlScalarNode item && !IsNull(item) && item.Value!.Trim().Length > 0)
                items.Add(item);
            else
                Error(sequence.Children[i], $"{path}[{i}]: expected text, got {Describe(sequence.Children[i])}");
        }
        return items.Count == sequence.Children.Count ? items : null;
    }

    /// <summary>How a wrong value looks in a message: quoted as written, or what kind of node it is.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode scalar => $"'{Shorten(scalar.Value!)}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string? Scalar(YamlNode node) =>
        node is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value!.Trim() : null;

    private static double? Number(YamlNode node) =>
        Scalar(node) is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : null;

    private static string Shorten(string text) => text.Length <= MaxQuoted ? text : text[..MaxQuoted] + "…";
}
