using System.Text.Json;
using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Gazetteer;
using EarlyWarning.Rules.Loading;

namespace EarlyWarning.Rules.Http;

/// <summary>Checks a silence request whole and turns it into the <see cref="SilenceAdded"/> to record, or lists every field error.</summary>
internal static partial class SilenceRequestValidator
{
    public const int MaxTextLength = 500;

    /// <summary>How far ahead a silence may end: a longer mute is a change to the rules, not a silence.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(30);

    /// <param name="request">The bound request.</param>
    /// <param name="body">The body it was bound from, to see what the sender wrote.</param>
    /// <param name="ruleIds">The ids of the rules in force.</param>
    /// <param name="gazetteer">Resolves provinces and districts.</param>
    /// <param name="silenceId">The new silence's id.</param>
    /// <param name="now">The time endsAt and duration are measured from.</param>
    public static (SilenceAdded? Silence, List<FieldError> Errors) Validate(
        SilenceRequest request, JsonElement body, IReadOnlyCollection<string> ruleIds, Gazetteer.Gazetteer gazetteer, string silenceId, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var ruleId = RuleId(request.RuleId, ruleIds, errors);
        var province = Province(request.Province, gazetteer, errors);
        var district = District(request.District, province, gazetteer, errors);
        var endsAt = EndsAt(request, body, now, errors);
        var reason = Text("reason", request.Reason, "why the warnings are muted, for the next operator", errors);
        var createdBy = Text("createdBy", request.CreatedBy, "who mutes them", errors);
        if (errors.Count > 0)
            return (null, errors);
        return (new SilenceAdded(silenceId, ruleId, province?.Id ?? district?.ProvinceId, district?.Id, endsAt!.Value.ToUniversalTime(), reason!, createdBy!), errors);
    }

    private static string? RuleId(string? text, IReadOnlyCollection<string> ruleIds, List<FieldError> errors)
    {
        if (text is null)
            return null;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError("ruleId", "must not be empty; leave it out to silence every rule."));
            return null;
        }
        if (!ruleIds.Contains(text.Trim()))
        {
            errors.Add(new FieldError("ruleId", $"no rule '{text.Trim()}' is in force; the rules in force are {string.Join(", ", ruleIds)}."));
            return null;
        }
        return text.Trim();
    }

    private static Province? Province(string? text, Gazetteer.Gazetteer gazetteer, List<FieldError> errors)
    {
        if (text is null)
            return null;
        var trimmed = text.Trim();
        var province = gazetteer.Provinces.FirstOrDefault(p => p.Id == trimmed) ?? (trimmed.Length == 0 ? null : gazetteer.FindProvince(trimmed));
        if (province is null)
            errors.Add(new FieldError("province", $"unknown province '{trimmed}'; known: {string.Join(", ", gazetteer.Provinces.Select(p => p.Name))}."));
        return province;
    }

    /// <summary>A district by gazetteer id, name or alias, within <paramref name="province"/> when one is given.</summary>
    private static District? District(string? text, Province? province, Gazetteer.Gazetteer gazetteer, List<FieldError> errors)
    {
        if (text is null)
            return null;
        var trimmed = text.Trim();
        var district = gazetteer.FindDistrictById(trimmed);
        if (district is null)
        {
            // A silence about Turbat that silently muted all of Kech would be wider than the operator meant.
            switch (gazetteer.Resolve(province?.Name, trimmed, place: null))
            {
                case LocationResolved { Location: { Match: not GazetteerMatch.Place } location }:
                    district = location.District;
                    break;
                case LocationResolved { Location: var location }:
                    errors.Add(new FieldError("district", $"'{trimmed}' is a place in {location.District.Name} district, not a district; name the district."));
                    return null;
                case LocationUnresolved { Failure: ResolutionFailure.WrongProvince } elsewhere:
                    errors.Add(new FieldError("district", $"must lie in the province given: {elsewhere.Reason}"));
                    return null;
                case LocationUnresolved unresolved:
                    var hint = unresolved.Suggestions.Count > 0 ? $" Did you mean {string.Join(", ", unresolved.Suggestions)}?" : "";
                    errors.Add(new FieldError("district", unresolved.Reason + hint));
                    return null;
            }
        }
        if (province is not null && district!.ProvinceId != province.Id)
        {
            errors.Add(new FieldError("district", $"must lie in the province given: {district.Name} is in {gazetteer.ProvinceOf(district).Name}, not in {province.Name}."));
            return null;
        }
        return district;
    }

    private static DateTimeOffset? EndsAt(SilenceRequest request, JsonElement body, DateTimeOffset now, List<FieldError> errors)
    {
        DateTimeOffset endsAt;
        string field;
        if (request.EndsAt is not null && request.Duration is not null)
        {
            errors.Add(new FieldError("duration", "give either endsAt or duration, not both."));
            return null;
        }
        if (request.EndsAt is { } at)
        {
            // Without an offset the time would silently mean the server's zone.
            if (body.TryGetProperty("endsAt", out var written) && written.ValueKind == JsonValueKind.String && !WithOffset().IsMatch(written.GetString()!))
            {
                errors.Add(new FieldError("endsAt", $"must be an ISO 8601 time with its offset, e.g. {now.AddHours(6):yyyy-MM-ddTHH:mm:ssZ}, not '{written.GetString()}'."));
                return null;
            }
            (endsAt, field) = (at, "endsAt");
        }
        else if (request.Duration is { } text)
        {
            if (Durations.Parse(text.Trim()) is not { } duration)
            {
                errors.Add(new FieldError("duration", $"must be a duration like 30m, 6h or 7d, not '{text}'."));
                return null;
            }
            // Measured before adding: 99999999d would overflow the time.
            (endsAt, field) = (duration > MaxLength ? DateTimeOffset.MaxValue : now + duration, "duration");
        }
        else
        {
            errors.Add(new FieldError("endsAt", "is required: give endsAt (an ISO 8601 time) or duration (e.g. 6h)."));
            return null;
        }

        if (endsAt <= now)
        {
            errors.Add(new FieldError(field, $"must be in the future: {endsAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z is not after now ({now.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z)."));
            return null;
        }
        if (endsAt > now + MaxLength)
        {
            errors.Add(new FieldError(field, $"a silence ends at most {MaxLength.TotalDays:0} days ahead ({(now + MaxLength).ToUniversalTime():yyyy-MM-dd HH:mm}Z); a longer mute is a change to the rules."));
            return null;
        }
        return endsAt;
    }

    private static string? Text(string field, string? text, string what, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, $"is required: {what}."));
            return null;
        }
        var trimmed = text.Trim();
        if (trimmed.Length > MaxTextLength)
        {
            errors.Add(new FieldError(field, $"must be at most {MaxTextLength} characters, not {trimmed.Length:N0}."));
            return null;
        }
        return trimmed;
    }

    [GeneratedRegex(@"(Z|z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex WithOffset();
}
