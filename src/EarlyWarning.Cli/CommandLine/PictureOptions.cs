namespace EarlyWarning.Cli.CommandLine;

/// <summary>What <c>ew picture</c> was asked for.</summary>
/// <param name="AsOf">The moment whose knowledge to show: events recorded up to it; now when null.</param>
/// <param name="Format">Table or JSON (CSV has no place for two lists).</param>
/// <param name="Store">The store to read; the services' default when null.</param>
/// <param name="Schema">The PostgreSQL schema.</param>
internal sealed record PictureOptions(DateTimeOffset? AsOf, OutputFormat Format, StoreChoice? Store, string? Schema);
