namespace EarlyWarning.Cli.CommandLine;

/// <summary>Where a thin client of a service's operator API sends its request, and the key it presents.</summary>
/// <param name="Url">The service's base URL.</param>
/// <param name="Key">An operator's (or admin's) API key.</param>
internal sealed record ServiceOptions(Uri Url, string Key);
