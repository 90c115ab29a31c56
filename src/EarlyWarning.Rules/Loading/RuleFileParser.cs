using EarlyWarning.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EarlyWarning.Rules.Loading;

/// <summary>
/// Reads one rule file and checks everything that can be checked from that file alone: structure, keys, values,
/// vocabularies and gazetteer names. Checks that need the whole set (unique ids, references) are the loader's.
/// </summary>
internal sealed partial class RuleFileParser(string fileName, Gazetteer.Gazetteer gazetteer, ErrorList errors)
{
    private static readonly string[] FileKeys = ["settings", "sites", "rules"];
    private static readonly string[] SettingsKeys = ["allowedLateness"];
    private static readonly string[] SiteKeys = ["id", "name", "latitude", "longitude", "province", "description"];

    // Pakistan's rough box; a site outside it has swapped or mistyped coordinates.
    private const double MinLatitude = 23.0, MaxLatitude = 37.5, MinLongitude = 60.0, MaxLongitude = 78.0;

    private readonly NodeReader _file = new(fileName, "", errors);

    public ParsedFile Parse(string content)
    {
        var empty = new ParsedFile(fileName, null, [], []);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            errors.Add(new SourceLocation(fileName, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {e.Message}");
            return empty;
        }

        if (stream.Documents.Count == 0)
            return empty;
        if (stream.Documents.Count > 1)
            _file.Error(stream.Documents[1].RootNode, "a rule file holds one YAML document; this is a second one");
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode scalar && NodeReader.IsNull(scalar))
            return empty;
        if (_file.Mapping(root, "file", "a mapping of settings, sites and rules") is not { } fields)
            return empty;
        fields.RejectUnknown(FileKeys);

        var settings = fields.Get("settings") is { } settingsNode ? Settings(fields.Key("settings")!, settingsNode) : null;
        var sites = fields.Get("sites") is { } sitesNode ? List(sitesNode, "sites", Site) : [];
        var rules = fields.Get("rules") is { } rulesNode ? List(rulesNode, "rules", Rule) : [];
        return new ParsedFile(fileName, settings, sites, rules);
    }

    private List<T> List<T>(YamlNode node, string path, Func<YamlNode, int, T?> read)
        where T : class
    {
        if (node is not YamlSequenceNode sequence)
        {
            _file.Error(node, $"{path}: expected a list, got {NodeReader.Describe(node)}");
            return [];
        }
        var items = new List<T>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (read(sequence.Children[i], i) is { } item)
                items.Add(item);
        }
        return items;
    }

    private ParsedSettings? Settings(YamlScalarNode key, YamlNode node)
    {
        if (_file.Mapping(node, "settings", "a mapping") is not { } fields)
            return null;
        fields.RejectUnknown(SettingsKeys);
        var lateness = fields.Get("allowedLateness") is { } value ? _file.Duration(value, fields.PathOf("allowedLateness")) : null;
        return new ParsedSettings(_file.At(key), lateness);
    }

    private ParsedSite? Site(YamlNode node, int index)
    {
        if (node is not YamlMappingNode mapping)
        {
            _file.Error(node, $"sites[{index}]: expected a site: a mapping with id, name, latitude, longitude and province, got {NodeReader.Describe(node)}");
            return null;
        }
        var before = errors.Count;
        var (fields, site, id) = Named(mapping, $"sites[{index}]", "site");
        fields.RejectUnknown(SiteKeys);

        var name = fields.Require("name") is { } nameNode ? site.Text(nameNode, "name") : null;
        var latitude = fields.Require("latitude") is { } latNode
            ? site.NumberWhere(latNode, "latitude", v => v is >= MinLatitude and <= MaxLatitude, "a latitude within Pakistan, 23 to 37.5")
            : null;
        var longitude = fields.Require("longitude") is { } lonNode
            ? site.NumberWhere(lonNode, "longitude", v => v is >= MinLongitude and <= MaxLongitude, "a longitude within Pakistan, 60 to 78")
            : null;
        var province = fields.Require("province") is { } provinceNode ? Province(site, provinceNode, "province") : null;
        var description = fields.Get("description") is { } descriptionNode ? site.Text(descriptionNode, "description") : null;

        if (errors.Count > before || id is null)
            return new ParsedSite(id, null);
        return new ParsedSite(id, new CriticalSite(id.Value.Id, name!, latitude!.Value, longitude!.Value, province!, description));
    }

    /// <summary>
    /// Reads the <c>id</c> of a rule or site first, so that every later message can name it (<c>rule 'x': </c>);
    /// without one, messages name the position (<c>rules[3]: </c>). A malformed id is reported but still returned,
    /// so that the rules referring to it are not reported as well.
    /// </summary>
    private (Fields Fields, NodeReader Reader, Reference? Id) Named(YamlMappingNode mapping, string position, string what)
    {
        var positioned = _file.For($"{position}: ");
        var unnamed = new Fields(positioned, mapping, "");
        if (unnamed.Require("id") is not { } idNode || positioned.Text(idNode, "id") is not { } text)
            return (unnamed, positioned, null);
        var reader = _file.For($"{what} '{text}': ");
        var fields = new Fields(reader, mapping, "");
        if (!RuleIds.IsValid(text))
            reader.Error(idNode, $"id: '{text}' is not a valid id: lower-case letters, digits and '-', starting with a letter or digit");
        return (fields, reader, new Reference(text, reader.At(idNode)));
    }
}
