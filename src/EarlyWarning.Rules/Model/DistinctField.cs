namespace EarlyWarning.Rules.Model;

/// <summary>The incident field whose distinct values a spread rule counts.</summary>
public enum DistinctField
{
    District,
    Province,
    Place,
    IncidentType,
    Perpetrator,
}
