namespace EarlyWarning.Gazetteer;

/// <summary>A province or territory (admin level 1).</summary>
/// <param name="Id">Stable slug, e.g. <c>khyber-pakhtunkhwa</c>.</param>
/// <param name="Name">Its name as the gazetteer writes it.</param>
/// <param name="IsoCode">ISO 3166-2 code, e.g. <c>PK-KP</c>.</param>
/// <param name="Aliases">Other names it is reported under (KPK, NWFP, Baluchistan …).</param>
/// <param name="Note">What a reader of the data should know about it.</param>
public sealed record Province(string Id, string Name, string? IsoCode, IReadOnlyList<string> Aliases, string? Note);
