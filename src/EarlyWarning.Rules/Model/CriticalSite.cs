namespace EarlyWarning.Rules.Model;

/// <summary>A place whose surroundings proximity rules watch, e.g. Gwadar port.</summary>
/// <param name="Id">Unique id, the group key of proximity warnings.</param>
/// <param name="Name">For people.</param>
/// <param name="Latitude">WGS 84.</param>
/// <param name="Longitude">WGS 84.</param>
/// <param name="ProvinceId">The gazetteer province it lies in (the warning's province, for inhibition and silences).</param>
/// <param name="Description">What it is.</param>
public sealed record CriticalSite(string Id, string Name, double Latitude, double Longitude, string ProvinceId, string? Description);
