using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>A critical site as read from one file; <see cref="Site"/> is null when it has errors.</summary>
internal sealed record ParsedSite(Reference? Id, CriticalSite? Site);
