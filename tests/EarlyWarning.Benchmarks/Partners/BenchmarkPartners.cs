using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>
/// The suite's partners, configured as an operator configures them (<c>Partners:{i}:*</c>): one entitled to every
/// province (a national agency, and the feed's reader: every event is admitted, so a page is always full), one to
/// Balochistan and one to Khyber Pakhtunkhwa with source identities and notes shown, each to incidents and warnings.
/// With the history's provinces (45 % each for these two) the relay publishes about 1.9 messages per store event.
/// </summary>
public static class BenchmarkPartners
{
    public const string National = "national";
    public const string NationalKey = "ew_bench_partner_national";

    public static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        void Add(int i, string name, IReadOnlyList<string> provinces, bool trusted)
        {
            settings[$"Partners:{i}:Name"] = name;
            settings[$"Partners:{i}:KeySha256"] = ApiKeys.Hash(name == National ? NationalKey : $"ew_bench_partner_{name}");
            for (var p = 0; p < provinces.Count; p++)
                settings[$"Partners:{i}:Provinces:{p}"] = provinces[p];
            settings[$"Partners:{i}:Kinds:0"] = "incidents";
            settings[$"Partners:{i}:Kinds:1"] = "warnings";
            if (trusted)
            {
                settings[$"Partners:{i}:Allow:SourceIdentities"] = "true";
                settings[$"Partners:{i}:Allow:Notes"] = "true";
            }
        }
        // A partner is never entitled to everything by omission: the national one lists every province.
        Add(0, National, [.. Gazetteer.Gazetteer.Default.Provinces.Select(p => p.Id)], trusted: false);
        Add(1, "balochistan", ["balochistan"], trusted: false);
        Add(2, "khyber-pakhtunkhwa", ["khyber-pakhtunkhwa"], trusted: true);
        return settings;
    }

    /// <summary>The partners as the services read them from <see cref="Settings"/>.</summary>
    public static IReadOnlyList<Partner> Read() =>
        [.. PartnerRegistry.From(new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build(), Gazetteer.Gazetteer.Default).Registry.Partners];
}
