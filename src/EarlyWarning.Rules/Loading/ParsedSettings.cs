using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>A file's <c>settings</c>; <see cref="Location"/> is where they are, to name them when another file gives settings too.</summary>
internal sealed record ParsedSettings(SourceLocation Location, TimeSpan? AllowedLateness);
