namespace EarlyWarning.Sources.Feed.Csv;

/// <summary>The file as a whole cannot be read as the CSV expected; the message says where and why.</summary>
internal sealed class CsvFormatException(string message) : Exception(message);
