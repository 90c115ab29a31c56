namespace EarlyWarning.Gazetteer;

/// <summary>The report's location could not be placed.</summary>
/// <param name="Failure">What kind of failure it is, for code that reacts to it.</param>
/// <param name="Reason">A sentence for a person, naming what was given and what is wrong with it.</param>
/// <param name="Suggestions">Up to three known names close to a misspelled one.</param>
/// <param name="Candidates">The locations an ambiguous or misplaced name could mean.</param>
public sealed record LocationUnresolved(
    ResolutionFailure Failure,
    string Reason,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<GazetteerLocation> Candidates) : GazetteerResolution
{
    public override string ToString() => Reason;
}
