namespace EarlyWarning.Gazetteer;

/// <summary>Which coordinates a resolved location carries.</summary>
public enum PointSource
{
    /// <summary>The place's own point.</summary>
    Place,

    /// <summary>The district's centroid: no place was given, or the place has no known point.</summary>
    DistrictCentroid,
}
