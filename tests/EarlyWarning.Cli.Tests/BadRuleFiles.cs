namespace EarlyWarning.Cli.Tests;

/// <summary>Rule files with known errors at known places.</summary>
internal static class BadRuleFiles
{
    /// <summary>Line 8, column 13: a duration written out in words.</summary>
    public const string BadWindow = """
        rules:
          - id: r
            title: A rule
            kind: threshold
            severity: Severe
            urgency: Immediate
            certainty: Observed
            window: 6 hours
            minIncidents: 3

        """;

    /// <summary>Line 9, column 5: a misspelt key.</summary>
    public const string MisspeltKey = """
        rules:
          - id: s
            title: Another rule
            kind: threshold
            severity: Severe
            urgency: Immediate
            certainty: Observed
            window: 6h
            minIncident: 3

        """;
}
