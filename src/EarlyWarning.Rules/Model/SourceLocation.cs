namespace EarlyWarning.Rules.Model;

/// <summary>A place in a rule file, 1-based, as editors show it.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
