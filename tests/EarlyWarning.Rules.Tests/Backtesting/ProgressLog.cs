namespace EarlyWarning.Rules.Tests.Backtesting;

/// <summary>Keeps every report as it is made, on the reporting thread (<see cref="Progress{T}"/> would post them elsewhere, after the run).</summary>
public sealed class ProgressLog<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}
