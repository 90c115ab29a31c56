namespace EarlyWarning.Cli.CommandLine;

/// <summary>The store <c>--store</c> names: <c>sqlite:&lt;path&gt;</c> or <c>postgres:&lt;connection string&gt;</c>.</summary>
/// <param name="Adapter"><c>sqlite</c> or <c>postgres</c>, as <c>EventStore:Adapter</c> names them.</param>
/// <param name="Target">The file's path, or the connection string.</param>
internal sealed record StoreChoice(string Adapter, string Target);
