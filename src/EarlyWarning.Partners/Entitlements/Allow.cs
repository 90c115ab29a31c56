namespace EarlyWarning.Partners.Entitlements;

/// <summary>What a partner may see that is redacted by default (DESIGN §7).</summary>
/// <param name="SourceIdentities">Who reported: an incident's sources, a report's source id and the source's report and correction ids.</param>
/// <param name="Notes">Free text written by people: a report's account, a correction's note, a retraction's reason, a silence's reason.</param>
public sealed record Allow(bool SourceIdentities, bool Notes)
{
    /// <summary>The default: both redacted.</summary>
    public static readonly Allow Nothing = new(false, false);
}
