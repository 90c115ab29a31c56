using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>
/// What ACLED's notes say that its coded columns do not: a claim of responsibility, fire across the border,
/// a targeted killing, the infrastructure hit. Whole words only, so "training" is not a train.
/// </summary>
internal static partial class NotesSignals
{
    /// <summary>A group claimed the incident ("TTP claimed responsibility", "the BLA claimed the attack").</summary>
    public static bool SaysClaimed(string notes) => Claimed().IsMatch(notes);

    /// <summary>Fire or infiltration across the border ("cross-border", "from Afghanistan", "Afghan forces").</summary>
    public static bool SaysCrossBorder(string notes) => CrossBorder().IsMatch(notes);

    /// <summary>A killing aimed at a chosen person ("target killing", "assassinated").</summary>
    public static bool SaysTargetedKilling(string notes) => TargetedKilling().IsMatch(notes);

    /// <summary>The infrastructure targets the notes name, in the order of <see cref="Targets"/>.</summary>
    public static IEnumerable<string> InfrastructureTargets(string notes)
    {
        if (Highway().IsMatch(notes))
            yield return Targets.Highway;
        if (Rail().IsMatch(notes))
            yield return Targets.Rail;
        if (Cpec().IsMatch(notes))
            yield return Targets.CpecSite;
        if (Energy().IsMatch(notes))
            yield return Targets.Energy;
        if (Telecom().IsMatch(notes))
            yield return Targets.Telecom;
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    [GeneratedRegex(@"\bclaim(?:ed|s)?\b[^.;]{0,60}\bresponsibility\b|\bresponsibility\b[^.;]{0,40}\bclaimed\b|\bclaimed\s+(?:the\s+)?(?:attack|bombing|blast|killing|ambush|assault|abduction)", Options)]
    private static partial Regex Claimed();

    [GeneratedRegex(@"\bcross[- ]border\b|\bacross the (?:border|Durand Line)\b|\bfrom (?:Afghanistan|Iran)\b|\bfrom (?:the )?(?:Afghan|Iranian) (?:side|territory|soil)\b|\b(?:Afghan|Iranian) (?:forces|border (?:forces|guards)|Taliban forces)\b", Options)]
    private static partial Regex CrossBorder();

    [GeneratedRegex(@"\btarget(?:ed)? killings?\b|\bassassinat(?:ed|ion|e)\b", Options)]
    private static partial Regex TargetedKilling();

    [GeneratedRegex(@"\bhighways?\b|\bN-\d{1,3}\b", Options)]
    private static partial Regex Highway();

    [GeneratedRegex(@"\brailway\b|\brail(?:way)? tracks?\b|\btrains?\b|\bJaffar Express\b", Options)]
    private static partial Regex Rail();

    [GeneratedRegex(@"\bCPEC\b|\bGwadar Port\b", Options)]
    private static partial Regex Cpec();

    [GeneratedRegex(@"\bgas pipelines?\b|\bpipelines?\b|\b(?:power|electricity) (?:pylons?|lines?|towers?)\b|\btransmission (?:lines?|towers?)\b|\bgrid stations?\b|\bpylons?\b", Options)]
    private static partial Regex Energy();

    [GeneratedRegex(@"\b(?:mobile|cell(?:ular)?|telecom(?:munication)?|communication) towers?\b|\btelecom\b", Options)]
    private static partial Regex Telecom();
}
