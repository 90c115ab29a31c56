using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>
/// A rule as read from one file, before the checks that need the whole set. <see cref="Rule"/> is null when the
/// rule itself has errors; its id and references are still kept, so that a broken rule does not also make every
/// rule that inhibits it look wrong.
/// </summary>
internal sealed record ParsedRule(
    SourceLocation Location,
    Reference? Id,
    Rule? Rule,
    bool IsProximity,
    IReadOnlyList<Reference> Inhibits,
    IReadOnlyList<Reference> Sites);
