using System.Security.Cryptography;
using System.Text;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Gazetteer;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>Reads and validates rule files; all or nothing (docs/rules.md).</summary>
public static class RuleSetLoader
{
    private const string Extension = ".yaml";

    /// <summary>Loads every <c>*.yaml</c> file of <paramref name="directory"/>, in ordinal name order.</summary>
    /// <exception cref="RuleSetException">Any file has any error, or the directory has no rule file.</exception>
    public static RuleSet LoadDirectory(string directory, Gazetteer.Gazetteer gazetteer)
    {
        var here = new SourceLocation(directory, 0, 0);
        if (!Directory.Exists(directory))
            throw new RuleSetException([new RuleError(here, "the rules directory does not exist")]);

        var paths = Directory.GetFiles(directory, "*" + Extension, SearchOption.TopDirectoryOnly);
        if (paths.Length == 0)
            throw new RuleSetException([new RuleError(here, $"the rules directory has no {Extension} file")]);

        var files = new List<RuleFileContent>();
        var errors = new ErrorList();
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            try
            {
                files.Add(new RuleFileContent(name, File.ReadAllText(path, Encoding.UTF8)));
            }
            catch (IOException e)
            {
                errors.Add(new SourceLocation(name, 0, 0), $"cannot be read: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                errors.Add(new SourceLocation(name, 0, 0), $"cannot be read: {e.Message}");
            }
        }
        if (errors.Count > 0)
            throw new RuleSetException(errors.All);
        return Load(files, gazetteer);
    }

    /// <summary>Loads files already read, e.g. from a <see cref="RuleSetActivated"/> event.</summary>
    /// <exception cref="RuleSetException">Any file has any error.</exception>
    public static RuleSet Load(IReadOnlyList<RuleFileContent> files, Gazetteer.Gazetteer gazetteer)
    {
        var ordered = Ordered(files);
        var errors = new ErrorList();
        foreach (var twice in ordered.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new SourceLocation(twice.Key, 0, 0), "the same file name is given more than once");

        var parsed = ordered.Select(f => new RuleFileParser(f.Name, gazetteer, errors).Parse(f.Content)).ToList();
        var settings = Settings(parsed, errors);
        var sites = Sites(parsed, errors);
        var rules = Rules(parsed, sites, errors, ordered.Count > 0 ? ordered[0].Name : "");

        if (errors.Count > 0)
            throw new RuleSetException(InFileOrder(errors.All, ordered));

        var siteList = sites.Values.Select(s => s.Site!).ToList();
        var model = rules.Select(r => r.Rule! with { Fingerprint = RuleFingerprint.Of(r.Rule!, Watched(r.Rule!, siteList)) }).ToList();
        return new RuleSet(Hash(ordered), model, settings?.AllowedLateness ?? RuleSet.DefaultAllowedLateness, siteList, ordered);
    }

    /// <summary>SHA-256 (lower-case hex) over each file's UTF-8 name, a NUL, its content, a NUL, in ordinal name order.</summary>
    public static string Hash(IReadOnlyList<RuleFileContent> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ReadOnlySpan<byte> nul = [0];
        foreach (var file in Ordered(files))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Name));
            sha.AppendData(nul);
            sha.AppendData(Encoding.UTF8.GetBytes(file.Content));
            sha.AppendData(nul);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static List<RuleFileContent> Ordered(IReadOnlyList<RuleFileContent> files) =>
        files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

    private static ParsedSettings? Settings(List<ParsedFile> files, ErrorList errors)
    {
        var given = files.Where(f => f.Settings is not null).Select(f => f.Settings!).ToList();
        foreach (var again in given.Skip(1))
            errors.Add(again.Location, $"settings: already given at {given[0].Location}; settings may appear in one file only");
        return given.FirstOrDefault();
    }

    private static Dictionary<string, ParsedSite> Sites(List<ParsedFile> files, ErrorList errors)
    {
        var byId = new Dictionary<string, ParsedSite>(StringComparer.Ordinal);
        foreach (var site in files.SelectMany(f => f.Sites))
        {
            if (site.Id is not { } id)
                continue;
            if (byId.TryGetValue(id.Id, out var first))
                errors.Add(id.Location, $"site '{id.Id}': id: already defined at {first.Id!.Value.Location}");
            else
                byId.Add(id.Id, site);
        }
        return byId;
    }

    private static List<ParsedRule> Rules(List<ParsedFile> files, Dictionary<string, ParsedSite> sites, ErrorList errors, string firstFile)
    {
        var rules = files.SelectMany(f => f.Rules).ToList();
        // A file that could not be read as rules may well have held some; saying the set has none would mislead.
        if (rules.Count == 0 && errors.Count == 0)
        {
            errors.Add(new SourceLocation(firstFile, 0, 0), "the rule set has no rules");
            return [];
        }

        var byId = new Dictionary<string, ParsedRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.Id is not { } id)
                continue;
            if (byId.TryGetValue(id.Id, out var first))
                errors.Add(id.Location, $"rule '{id.Id}': id: already defined at {first.Id!.Value.Location}");
            else
                byId.Add(id.Id, rule);
        }

        foreach (var rule in rules)
        {
            var about = rule.Id is { } id ? $"rule '{id.Id}': " : "";
            foreach (var inhibited in rule.Inhibits)
            {
                if (rule.Id?.Id == inhibited.Id)
                    errors.Add(inhibited.Location, $"{about}inhibits: a rule cannot inhibit itself");
                else if (!byId.ContainsKey(inhibited.Id))
                    errors.Add(inhibited.Location, $"{about}inhibits: no rule has the id '{inhibited.Id}'");
            }
            foreach (var site in rule.Sites.Where(s => !sites.ContainsKey(s.Id)))
                errors.Add(site.Location, $"{about}sites: no site has the id '{site.Id}'");
            if (rule.IsProximity && sites.Count == 0 && rule.Sites.Count == 0)
                errors.Add(rule.Location, $"{about}a proximity rule needs critical sites, and no file defines any under sites:");
        }
        return rules;
    }

    private static List<CriticalSite> Watched(Rule rule, List<CriticalSite> sites) =>
        rule.Pattern is RulePattern.Proximity { SiteIds: { Count: > 0 } ids } ? sites.Where(s => ids.Contains(s.Id)).ToList() : sites;

    // Files in name order, then by position: the order a reader fixing them goes through them.
    private static List<RuleError> InFileOrder(IReadOnlyList<RuleError> errors, List<RuleFileContent> files)
    {
        var rank = files.Select((f, i) => (f.Name, i)).DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.i, StringComparer.Ordinal);
        return errors
            .OrderBy(e => rank.GetValueOrDefault(e.Location.File, -1))
            .ThenBy(e => e.Location.Line)
            .ThenBy(e => e.Location.Column)
            .ToList();
    }
}
