using YamlDotNet.RepresentationModel;

namespace EarlyWarning.Rules.Loading;

/// <summary>The keys of one YAML mapping, by name. Unknown keys are errors: a misspelt <c>minIncident</c> must not silently mean "default".</summary>
internal sealed class Fields
{
    private readonly NodeReader _reader;
    private readonly List<YamlNode> _keys = [];
    private readonly Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> _byName = new(StringComparer.Ordinal);

    public Fields(NodeReader reader, YamlMappingNode node, string path)
    {
        _reader = reader;
        Node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            _keys.Add(key);
            if (key is YamlScalarNode { Value: { } name } scalar)
                _byName[name] = new(scalar, value);
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>The mapping's key path, e.g. <c>where</c> or <c>escalate[0].when</c>; empty at the top of a rule.</summary>
    public string Path { get; }

    public YamlNode? Get(string key) => _byName.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlScalarNode? Key(string key) => _byName.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The key's path for messages: <c>window</c>, <c>where.types</c>.</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The value of a key that must be there; its absence is reported where the mapping starts.</summary>
    public YamlNode? Require(string key)
    {
        var value = Get(key);
        if (value is null)
            _reader.Error(Node, $"{Context}missing required key '{key}'");
        return value;
    }

    /// <param name="allowed">The keys this mapping may have.</param>
    /// <param name="owner">What the keys are allowed for, when it depends on something (<c>a threshold rule</c>).</param>
    /// <param name="skip">Keys already reported with a better message.</param>
    public void RejectUnknown(IReadOnlyList<string> allowed, string? owner = null, params string[] skip)
    {
        foreach (var key in _keys)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                _reader.Error(key, $"{Context}expected a key, got {NodeReader.Describe(key)}");
                continue;
            }
            if (allowed.Contains(name, StringComparer.Ordinal) || skip.Contains(name, StringComparer.Ordinal))
                continue;
            var forWhom = owner is null ? "" : $" for {owner}";
            _reader.Error(key, $"{Context}unknown key '{name}'{forWhom}; allowed: {string.Join(", ", allowed)}");
        }
    }

    private string Context => Path.Length == 0 ? "" : $"{Path}: ";
}
