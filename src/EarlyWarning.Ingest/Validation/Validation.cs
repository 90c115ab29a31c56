using EarlyWarning.Contracts.Incidents;

namespace EarlyWarning.Ingest.Validation;

internal static class Validation
{
    public static Validated<T> Valid<T>(T value) where T : class => new(value, []);

    public static Validated<T> Invalid<T>(IReadOnlyList<FieldError> errors) where T : class => new(null, errors);
}
