namespace EarlyWarning.Contracts.Incidents;

/// <summary>One thing wrong with a message.</summary>
/// <param name="Field">The field, as a JSON path from the message root (e.g. <c>location.district</c>, <c>casualties.civilians.killed</c>), or <c>$</c> for the whole message.</param>
/// <param name="Message">What is wrong and, where it helps, what would be right.</param>
public sealed record FieldError(string Field, string Message);
