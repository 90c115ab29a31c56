using EarlyWarning.Contracts.Incidents;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.ServiceDefaults.Http;

/// <summary>RFC 7807 problem details, the one shape every error answer of every service has.</summary>
public static class Problems
{
    public static IResult Create(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>
    /// 503: the store could not be reached. <paramref name="outcome"/> says what that left undone ("Nothing was
    /// recorded:"), <paramref name="advice"/> what the caller should do.
    /// </summary>
    public static IResult StoreUnavailable(Exception exception, string outcome = "Nothing was recorded:", string advice = "Send again later.") =>
        Create(StatusCodes.Status503ServiceUnavailable, "The store is unavailable", $"{outcome} {exception?.Message} {advice}");

    /// <summary>400 with every field error, grouped by field as ASP.NET Core's validation problems are.</summary>
    public static IResult Invalid(string title, IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: "Nothing was recorded. Correct the fields listed under 'errors' and send again.",
            title: title);
}
