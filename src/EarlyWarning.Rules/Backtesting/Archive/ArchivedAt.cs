namespace EarlyWarning.Rules.Backtesting.Archive;

/// <summary>Where a warning's record starts in a <see cref="WarningArchive"/>.</summary>
internal readonly record struct ArchivedAt(int Chunk, int Offset);
