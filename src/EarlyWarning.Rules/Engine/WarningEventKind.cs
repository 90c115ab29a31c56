namespace EarlyWarning.Rules.Engine;

/// <summary>Which contract an <see cref="EmittedWarningEvent"/> is.</summary>
public enum WarningEventKind
{
    Raised,
    Updated,
    Resolved,
}
