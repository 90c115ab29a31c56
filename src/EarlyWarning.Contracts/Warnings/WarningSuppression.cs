namespace EarlyWarning.Contracts.Warnings;

/// <summary>Why a warning is not to be notified although it holds: an operator's silence or another warning's inhibition.</summary>
/// <param name="Kind"><c>silenced</c> or <c>inhibited</c>.</param>
/// <param name="By">The silence id, or the id of the inhibiting warning.</param>
/// <param name="Reason">The silence's reason, or the inhibiting warning's rule title and group.</param>
public sealed record WarningSuppression(string Kind, string By, string Reason)
{
    /// <summary>Muted by an operator's silence.</summary>
    public const string Silenced = "silenced";

    /// <summary>Suppressed by an open warning of a rule that inhibits this one.</summary>
    public const string Inhibited = "inhibited";
}
