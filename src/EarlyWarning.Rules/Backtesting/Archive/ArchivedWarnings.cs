using System.Collections;

namespace EarlyWarning.Rules.Backtesting.Archive;

/// <summary>
/// Warnings of a <see cref="WarningArchive"/> in a given order, each read from its bytes when asked for: a report
/// written warning by warning holds one at a time. Each read makes new objects, equal to the last read's; a caller
/// that needs the same objects twice (to key a dictionary by them) copies the list first.
/// </summary>
internal sealed class ArchivedWarnings(WarningArchive archive, ArchivedAt[] order) : IReadOnlyList<BacktestWarning>
{
    public int Count => order.Length;

    public BacktestWarning this[int index] => archive.Read(order[index]);

    public IEnumerator<BacktestWarning> GetEnumerator()
    {
        foreach (var at in order)
            yield return archive.Read(at);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
