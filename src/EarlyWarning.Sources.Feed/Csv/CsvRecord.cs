namespace EarlyWarning.Sources.Feed.Csv;

/// <summary>One CSV record as the file holds it.</summary>
/// <param name="Line">The physical line (from 1) the record starts on; a quoted field with line breaks makes the next record start further down.</param>
/// <param name="Fields">The fields, unquoted, undoubled, line breaks inside quotes kept.</param>
/// <param name="Error">What is wrong with the record's quoting, or null when it is well formed.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error = null);
