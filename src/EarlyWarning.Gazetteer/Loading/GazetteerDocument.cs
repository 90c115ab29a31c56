namespace EarlyWarning.Gazetteer;

/// <summary>The JSON file as written; every member is optional here so the loader can say what is missing.</summary>
internal sealed class GazetteerDocument
{
    public HeaderDto? Header { get; init; }

    public IReadOnlyList<ProvinceDto?>? Provinces { get; init; }

    public IReadOnlyList<DistrictDto?>? Districts { get; init; }

    public IReadOnlyList<PlaceDto?>? Places { get; init; }
}
