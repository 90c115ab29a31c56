using System.Text.Json;

namespace EarlyWarning.Cli.Tests.Partners;

/// <summary>One partner of a test's settings file, written as a service's appsettings.json holds it.</summary>
internal sealed record PartnerSettings(string Name, string[] Provinces, string[] Kinds, string? MinimumSeverity = null)
{
    /// <summary>A partner name no other test uses: RabbitMQ users are per broker, not per virtual host.</summary>
    public static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Writes <c>{ "Partners": [...] }</c> (and the broker's URI when given) to <paramref name="file"/> in the folder.</summary>
    public static string Write(TempFolder folder, string file, IEnumerable<PartnerSettings> partners, string? rabbitMq = null)
    {
        var settings = new Dictionary<string, object>
        {
            ["Partners"] = partners.Select((p, i) => new Dictionary<string, object?>
            {
                ["Name"] = p.Name,
                // Any 64 hex digits, different for each partner: provisioning does not use the keys.
                ["KeySha256"] = (i + 1).ToString("x64", System.Globalization.CultureInfo.InvariantCulture),
                ["Provinces"] = p.Provinces,
                ["Kinds"] = p.Kinds,
                ["MinimumSeverity"] = p.MinimumSeverity,
            }).ToList(),
        };
        if (rabbitMq is not null)
            settings["ConnectionStrings"] = new Dictionary<string, string> { ["RabbitMq"] = rabbitMq };
        return folder.Write(file, JsonSerializer.Serialize(settings));
    }
}
