using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Gazetteer;
using EarlyWarning.Sources.Feed.Acled;

namespace EarlyWarning.Sources.Feed.Mapping;

internal sealed partial class AcledMapper
{
    // The same limits ingest applies: Pakistan's bounding box, and how far a point may lie from the centre
    // of the district it names (Balochistan's largest districts span some 300 km).
    private const double MinLatitude = 23.0, MaxLatitude = 37.5, MinLongitude = 60.5, MaxLongitude = 78.0;
    private const double MaxKilometresFromDistrict = 350;

    /// <summary>admin1/admin2/location as ACLED spells them, placed in the gazetteer here so a row ingest would reject is reported now.</summary>
    private bool TryLocate(AcledRow row, [NotNullWhen(true)] out ReportedLocation? location, [NotNullWhen(false)] out string? problem)
    {
        location = null;
        var resolution = gazetteer.Resolve(row.Admin1, row.Admin2, row.Location);
        if (resolution is LocationUnresolved unresolved)
        {
            var hint = unresolved.Suggestions.Count > 0 ? $" Did you mean {string.Join(", ", unresolved.Suggestions)}?" : "";
            problem = $"location does not resolve (admin1 '{row.Admin1}', admin2 '{row.Admin2}', location '{row.Location}'): {unresolved.Reason}{hint}";
            return false;
        }
        var placed = ((LocationResolved)resolution).Location;

        double? latitude = null, longitude = null;
        string? geoPrecision = null;
        if (row.Latitude.Length > 0 || row.Longitude.Length > 0)
        {
            if (!TryCoordinate(row.Latitude, out var lat) || !TryCoordinate(row.Longitude, out var lon))
            {
                problem = $"latitude '{row.Latitude}' and longitude '{row.Longitude}' are not a pair of decimal degrees";
                return false;
            }
            if (lat is < MinLatitude or > MaxLatitude || lon is < MinLongitude or > MaxLongitude)
            {
                problem = $"latitude/longitude ({row.Latitude}, {row.Longitude}) lie outside Pakistan";
                return false;
            }
            var distance = new GeoPoint(lat, lon).KilometresTo(placed.District.Centroid);
            if (distance > MaxKilometresFromDistrict)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"latitude/longitude ({row.Latitude}, {row.Longitude}) lie {distance:N0} km from the centre of {placed.District.Name}: the coordinates and the district disagree");
                return false;
            }
            geoPrecision = row.GeoPrecision switch
            {
                "1" => Contracts.Vocabulary.GeoPrecision.Exact,
                "2" => Contracts.Vocabulary.GeoPrecision.Near,
                "3" => Contracts.Vocabulary.GeoPrecision.Region,
                _ => null,
            };
            if (geoPrecision is null)
            {
                problem = $"geo_precision '{row.GeoPrecision}' is not ACLED's 1, 2 or 3";
                return false;
            }
            (latitude, longitude) = (lat, lon);
        }

        location = new ReportedLocation(Given(row.Admin1), Given(row.Admin2), Given(row.Location), latitude, longitude, geoPrecision);
        problem = null;
        return true;
    }

    private static bool TryCoordinate(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string? Given(string text) => text.Length == 0 ? null : text;
}
