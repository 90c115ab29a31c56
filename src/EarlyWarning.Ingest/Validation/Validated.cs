using EarlyWarning.Contracts.Incidents;

namespace EarlyWarning.Ingest.Validation;

/// <summary>The result of validating a message: the normalised value, or every field error.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyList<FieldError> Errors) where T : class
{
    public bool IsValid => Errors.Count == 0;
}
