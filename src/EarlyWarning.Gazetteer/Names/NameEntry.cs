namespace EarlyWarning.Gazetteer;

/// <summary>One entry answering to a name, with the spelling it was listed under.</summary>
internal readonly record struct NameEntry<T>(T Item, NameRole Role, string Text);
