namespace EarlyWarning.Cli.Partners;

/// <summary>A binding of a partner's queue that its entitlement does not allow, as the management API lists it.</summary>
/// <param name="Source">The exchange it binds from.</param>
/// <param name="RoutingKey">Its binding key.</param>
/// <param name="PropertiesKey">The management API's id of the binding (key and arguments), to delete it by.</param>
internal sealed record StaleBinding(string Source, string RoutingKey, string PropertiesKey);
