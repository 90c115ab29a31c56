namespace EarlyWarning.Gazetteer;

/// <summary>Why a location could not be placed.</summary>
public enum ResolutionFailure
{
    /// <summary>No district or place was given.</summary>
    Missing,

    /// <summary>The province or territory is not one the gazetteer knows.</summary>
    UnknownProvince,

    /// <summary>No district (and no place standing in for one) has that name.</summary>
    UnknownDistrict,

    /// <summary>No place or district has that name.</summary>
    UnknownPlace,

    /// <summary>The district or place exists, but in another province than the one given.</summary>
    WrongProvince,

    /// <summary>The place is known, but in another district of the province than the one given.</summary>
    PlaceNotInDistrict,

    /// <summary>The name fits several locations; a province, district or place would settle it.</summary>
    Ambiguous,
}
