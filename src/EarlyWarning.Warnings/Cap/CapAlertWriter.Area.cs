using System.Globalization;
using System.Xml.Linq;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Warnings.Cap;

internal static partial class CapAlertWriter
{
    /// <summary><c>geocode</c> valueName of a district: its gazetteer id (EarlyWarning.Gazetteer).</summary>
    public const string DistrictGeocode = "earlywarning:district";

    /// <summary><c>geocode</c> valueName of a province: its ISO 3166-2 code, where the gazetteer has one.</summary>
    public const string ProvinceGeocode = "ISO3166-2";

    /// <summary>Around a point placed at the site or the named place.</summary>
    public const double PlacedRadiusKm = 5;

    /// <summary>Around a district centroid, which the gazetteer gives to about 0.1–0.2° (11–22 km).</summary>
    public const double CentroidRadiusKm = 20;

    private static XElement Area(WarningSnapshot warning)
    {
        var gazetteer = Gazetteer.Gazetteer.Default;
        var districts = DistrictNames(warning);
        var area = new XElement(Cap + "area",
            new XElement(Cap + "areaDesc", CapFormat.Text(districts.Count == 1 && districts[0] == warning.GroupName
                ? warning.GroupName
                : $"{warning.GroupName}: {string.Join(", ", districts)}")));

        var circles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var incident in warning.Incidents)
        {
            if (!double.IsFinite(incident.Latitude) || !double.IsFinite(incident.Longitude) || Math.Abs(incident.Latitude) > 90 || Math.Abs(incident.Longitude) > 180)
                continue;
            var centroid = gazetteer.FindDistrictById(incident.DistrictId)?.Centroid;
            var atCentroid = centroid is { } c && Math.Abs(c.Latitude - incident.Latitude) < 1e-4 && Math.Abs(c.Longitude - incident.Longitude) < 1e-4;
            var circle = $"{CapFormat.Number(incident.Latitude)},{CapFormat.Number(incident.Longitude)} {CapFormat.Number(atCentroid ? CentroidRadiusKm : PlacedRadiusKm, "0.0")}";
            if (circles.Add(circle))
                area.Add(new XElement(Cap + "circle", circle));
        }

        foreach (var districtId in warning.DistrictIds)
            area.Add(Pair("geocode", DistrictGeocode, districtId));
        var provinces = warning.Incidents.Select(i => i.ProvinceId).Append(warning.ProvinceId)
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var provinceId in provinces)
        {
            if (gazetteer.Provinces.FirstOrDefault(p => p.Id == provinceId)?.IsoCode is { } iso)
                area.Add(Pair("geocode", ProvinceGeocode, iso));
        }
        return area;
    }

    /// <summary>The warning's districts by name, in its own (sorted id) order; an id the gazetteer lacks stands for itself.</summary>
    private static List<string> DistrictNames(WarningSnapshot warning)
    {
        var gazetteer = Gazetteer.Gazetteer.Default;
        return warning.DistrictIds
            .Select(id => gazetteer.FindDistrictById(id)?.Name ?? warning.Incidents.FirstOrDefault(i => i.DistrictId == id)?.District ?? id)
            .ToList();
    }

    private static string Description(WarningVersion message)
    {
        var warning = message.Warning;
        var districts = DistrictNames(warning);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{Count(warning.IncidentCount, "incident")} in {Count(districts.Count, "district")} of {warning.GroupName} between {warning.FirstHeldAt.ToUniversalTime():yyyy-MM-dd HH:mm} and {warning.LastHeldAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC; {warning.Killed} killed."),
            $"Districts: {string.Join(", ", districts)}.",
        };
        if (warning.Incidents.Count < warning.IncidentCount)
            lines.Add($"The area shows the first {warning.Incidents.Count} incidents.");
        if (message.Changes.Count > 0)
            lines.Add($"Changes: {string.Join("; ", message.Changes)}.");
        if (message.MsgType == CapMsgType.Cancel)
            lines.Add(Resolution(message));
        if (warning.Suppression is { } suppression)
            lines.Add($"Not notified: {suppression.Kind} ({suppression.Reason}).");
        return string.Join('\n', lines);
    }

    private static string Count(int count, string noun) => $"{CapFormat.Number(count)} {noun}{(count == 1 ? "" : "s")}";
}
