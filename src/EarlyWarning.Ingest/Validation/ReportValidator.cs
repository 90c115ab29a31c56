using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Gazetteer;

namespace EarlyWarning.Ingest.Validation;

/// <summary>
/// Checks a message against the gazetteer and common sense and normalises it: vocabularies in canonical
/// form, times in UTC, text trimmed, the location placed. Returns every error, by JSON path, not just the first.
/// </summary>
public sealed partial class ReportValidator(Gazetteer.Gazetteer gazetteer, IngestOptions options, TimeProvider clock)
{
    private const int MaxPerpetratorLength = 200;
    private const int MaxIdLength = 128;

    // Pakistan lies within about 23.5–37.1° N, 60.8–77.8° E; a point outside this box is a typo or another country.
    private const double MinLatitude = 23.0, MaxLatitude = 37.5, MinLongitude = 60.5, MaxLongitude = 78.0;

    // Balochistan's largest districts span some 300 km; a point further than this from the district's centroid
    // contradicts the district the report names.
    private const double MaxKilometresFromDistrict = 350;

    public Validated<RecordedReport> Validate(IncidentReported? message)
    {
        var errors = new FieldErrors();
        if (message is null)
        {
            errors.Add("$", "is empty: expected an incident report.");
            return Validation.Invalid<RecordedReport>(errors.All);
        }

        var latest = clock.GetUtcNow() + options.FutureTolerance;
        var sourceId = SourceId(errors, "sourceId", message.SourceId);
        var reportId = MessageId(errors, "reportId", message.ReportId);
        var reliability = Reliability(errors, message.Reliability);
        if (!InformationCredibility.IsValid(message.Credibility))
            errors.Add("credibility", $"{message.Credibility} is not an Admiralty credibility: 1 (confirmed) to 6 (cannot be judged).");
        var reportedAt = errors.Time("reportedAt", message.ReportedAt, latest);
        var occurredAt = errors.Time("occurredAt", message.OccurredAt, latest);
        if (occurredAt is { } o && reportedAt is { } r && o > r + options.FutureTolerance)
            errors.Add("occurredAt", $"{o:O} is after the report's own time {r:O}: a source cannot report what has not happened yet.");
        var precision = errors.Vocabulary("occurredAtPrecision", message.OccurredAtPrecision, TimePrecision.All);
        var location = Location(errors, message.Location);
        var type = errors.Vocabulary("incidentType", message.IncidentType, IncidentTypes.All);
        var targets = Targets(errors, message.Targets);
        var casualties = Casualties(errors, "casualties", message.Casualties);
        var perpetrator = errors.Optional("perpetrator", message.Perpetrator, MaxPerpetratorLength);
        var claim = errors.Vocabulary("claimStatus", message.ClaimStatus, ClaimStatus.All);
        if (claim == ClaimStatus.Claimed && perpetrator is null)
            errors.Add("perpetrator", "is required when claimStatus is 'claimed': who claimed it?");
        var text = errors.Optional("text", message.Text, IngestOptions.MaxTextLength);

        if (errors.Any)
            return Validation.Invalid<RecordedReport>(errors.All);
        return Validation.Valid(new RecordedReport(
            sourceId!, reportId!, reliability!, message.Credibility, reportedAt!.Value, occurredAt!.Value, precision!,
            location!, type!, targets!, casualties ?? Contracts.Reports.Casualties.None, perpetrator, claim!, text));
    }

    public Validated<IncidentCorrected> Validate(IncidentCorrected? message)
    {
        var errors = new FieldErrors();
        if (message is null)
        {
            errors.Add("$", "is empty: expected a correction.");
            return Validation.Invalid<IncidentCorrected>(errors.All);
        }
        var latest = clock.GetUtcNow() + options.FutureTolerance;
        var sourceId = SourceId(errors, "sourceId", message.SourceId);
        var reportId = MessageId(errors, "reportId", message.ReportId);
        var correctionId = MessageId(errors, "correctionId", message.CorrectionId);
        var correctedAt = errors.Time("correctedAt", message.CorrectedAt, latest);
        var casualties = Casualties(errors, "casualties", message.Casualties);
        var type = errors.Vocabulary("incidentType", message.IncidentType, IncidentTypes.All, required: false);
        var perpetrator = errors.Optional("perpetrator", message.Perpetrator, MaxPerpetratorLength);
        var claim = errors.Vocabulary("claimStatus", message.ClaimStatus, ClaimStatus.All, required: false);
        var note = errors.Optional("note", message.Note, IngestOptions.MaxTextLength);
        if (!errors.Any && casualties is null && type is null && perpetrator is null && claim is null)
            errors.Add("$", "corrects nothing: give casualties, incidentType, perpetrator or claimStatus.");
        return errors.Any
            ? Validation.Invalid<IncidentCorrected>(errors.All)
            : Validation.Valid(new IncidentCorrected(sourceId!, reportId!, correctionId!, correctedAt!.Value, casualties, type, perpetrator, claim, note));
    }

    public Validated<IncidentRetracted> Validate(IncidentRetracted? message)
    {
        var errors = new FieldErrors();
        if (message is null)
        {
            errors.Add("$", "is empty: expected a retraction.");
            return Validation.Invalid<IncidentRetracted>(errors.All);
        }
        var sourceId = SourceId(errors, "sourceId", message.SourceId);
        var reportId = MessageId(errors, "reportId", message.ReportId);
        var retractedAt = errors.Time("retractedAt", message.RetractedAt, clock.GetUtcNow() + options.FutureTolerance);
        var reason = errors.Required("reason", message.Reason, IngestOptions.MaxTextLength);
        return errors.Any
            ? Validation.Invalid<IncidentRetracted>(errors.All)
            : Validation.Valid(new IncidentRetracted(sourceId!, reportId!, retractedAt!.Value, reason!));
    }

    private static string? SourceId(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required: the source's id, e.g. police-quetta.");
            return null;
        }
        if (SourceIdPattern().IsMatch(value))
            return value;
        errors.Add(field, $"'{FieldErrors.Shorten(value)}' is not a source id: 1–64 characters of a–z, 0–9, '.', '_' and '-', starting with a letter or digit.");
        return null;
    }

    private static string? MessageId(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required: the source's own id for it.");
            return null;
        }
        if (value.Length > MaxIdLength)
            errors.Add(field, $"is {value.Length} characters long; at most {MaxIdLength} are accepted.");
        else if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            errors.Add(field, "contains spaces or control characters; ids are printable without spaces.");
        else
            return value;
        return null;
    }

    private static string? Reliability(FieldErrors errors, string? value)
    {
        var grade = value?.Trim().ToUpperInvariant();
        if (SourceReliability.IsValid(grade))
            return grade;
        errors.Add("reliability", string.IsNullOrWhiteSpace(value)
            ? "is required: an Admiralty source reliability, A (completely reliable) to F (cannot be judged)."
            : $"'{FieldErrors.Shorten(value)}' is not an Admiralty source reliability: A to F.");
        return null;
    }

    private IncidentLocation? Location(FieldErrors errors, ReportedLocation? location)
    {
        if (location is null)
        {
            errors.Add("location", "is required: at least a district or a place, e.g. { \"province\": \"Balochistan\", \"district\": \"Kech\", \"place\": \"Tump\" }.");
            return null;
        }

        var resolution = gazetteer.Resolve(location.Province, location.District, location.Place);
        if (resolution is LocationUnresolved unresolved)
        {
            var field = unresolved.Failure switch
            {
                ResolutionFailure.UnknownProvince => "location.province",
                ResolutionFailure.UnknownPlace or ResolutionFailure.PlaceNotInDistrict => "location.place",
                ResolutionFailure.Missing or ResolutionFailure.UnknownDistrict => "location.district",
                _ => "location",
            };
            var hint = unresolved.Suggestions.Count > 0 ? $" Did you mean {string.Join(", ", unresolved.Suggestions)}?" : "";
            errors.Add(field, unresolved.Reason + hint);
            return null;
        }
        var placed = ((LocationResolved)resolution).Location;

        double latitude = placed.Point.Latitude, longitude = placed.Point.Longitude;
        var precision = placed.PointSource == PointSource.Place ? GeoPrecision.Near : GeoPrecision.Region;
        if (location.Latitude is not null || location.Longitude is not null)
        {
            if (location.Latitude is not { } lat || location.Longitude is not { } lon)
            {
                errors.Add(location.Latitude is null ? "location.latitude" : "location.longitude", "is missing: coordinates come as a pair.");
                return null;
            }
            if (lat is < MinLatitude or > MaxLatitude || lon is < MinLongitude or > MaxLongitude || !double.IsFinite(lat) || !double.IsFinite(lon))
            {
                errors.Add("location.latitude", $"({lat}, {lon}) is outside Pakistan.");
                return null;
            }
            var distance = new GeoPoint(lat, lon).KilometresTo(placed.District.Centroid);
            if (distance > MaxKilometresFromDistrict)
            {
                errors.Add("location.latitude", $"({lat}, {lon}) lies {distance:N0} km from {placed.District.Name}'s centre: the coordinates and the district disagree.");
                return null;
            }
            latitude = lat;
            longitude = lon;
            precision = errors.Vocabulary("location.geoPrecision", location.GeoPrecision, GeoPrecision.All, required: false) ?? GeoPrecision.Near;
        }

        return new IncidentLocation(
            placed.Province.Id, placed.Province.Name, placed.District.Id, placed.District.Name,
            placed.Place?.Id, placed.Place?.Name ?? placed.UnresolvedPlace, latitude, longitude, precision);
    }

    private static IReadOnlyList<string>? Targets(FieldErrors errors, IReadOnlyList<string>? targets)
    {
        if (targets is null)
            return [];
        var result = new List<string>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (errors.Vocabulary($"targets[{i}]", targets[i], Contracts.Vocabulary.Targets.All) is { } target && !result.Contains(target))
                result.Add(target);
        }
        return result;
    }

    private static Casualties? Casualties(FieldErrors errors, string field, Casualties? casualties)
    {
        if (casualties is null)
            return null;
        return new Casualties(
            Side(errors, field + ".securityForces", casualties.SecurityForces),
            Side(errors, field + ".civilians", casualties.Civilians),
            Side(errors, field + ".militants", casualties.Militants));
    }

    private static SideCasualties? Side(FieldErrors errors, string field, SideCasualties? side) =>
        side is null ? null : new SideCasualties(errors.Count(field + ".killed", side.Killed), errors.Count(field + ".injured", side.Injured));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceIdPattern();
}
