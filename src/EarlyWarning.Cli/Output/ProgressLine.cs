using System.Globalization;
using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>
/// One line on standard error, rewritten in place as the back-test reads. Reported synchronously on the reading
/// thread (not through <see cref="Progress{T}"/>, which posts to the thread pool), so no update lands after
/// <see cref="Finish"/> has cleared the line.
/// </summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<BacktestProgress>
{
    private int _width;

    public void Report(BacktestProgress value)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{value.Fraction * 100,5:0.0}% of the store read, {value.EventsRead:N0} incident events, {value.WarningsRaised:N0} warnings so far");
        error.Write("\r" + text.PadRight(_width));
        _width = Math.Max(_width, text.Length);
        error.Flush();
    }

    public void Finish()
    {
        if (_width == 0)
            return;
        error.Write("\r" + new string(' ', _width) + "\r");
        error.Flush();
    }
}
