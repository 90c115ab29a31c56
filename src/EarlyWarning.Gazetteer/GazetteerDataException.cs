namespace EarlyWarning.Gazetteer;

/// <summary>A gazetteer file that cannot be loaded; nothing of it was loaded.</summary>
/// <param name="message">What is wrong.</param>
/// <param name="entry">The offending entry, e.g. <c>district 'kech' (Kech)</c>, or null for the file as a whole.</param>
/// <param name="inner">The parser's error, when the file is not valid JSON.</param>
public sealed class GazetteerDataException(string message, string? entry = null, Exception? inner = null)
    : Exception(entry is null ? message : $"{entry}: {message}", inner)
{
    public string? Entry { get; } = entry;
}
