using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>An id as written in a file (a rule's own id, an <c>inhibits</c> entry, a site), where it is written.</summary>
internal readonly record struct Reference(string Id, SourceLocation Location);
