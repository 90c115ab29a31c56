namespace EarlyWarning.Gazetteer;

/// <summary>A name that may be offered as a correction.</summary>
/// <param name="Display">How to offer it, e.g. <c>Dalbandin (Chagai, Balochistan)</c>.</param>
/// <param name="Text">The spelling compared with what was typed (a name or an alias).</param>
/// <param name="Canonical">The entry's own name, so one entry is offered once however many aliases are close.</param>
internal readonly record struct Suggestion(string Display, string Text, string Canonical);
