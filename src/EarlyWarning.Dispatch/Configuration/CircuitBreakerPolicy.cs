namespace EarlyWarning.Dispatch.Configuration;

/// <summary>When an endpoint counts as down (<c>Dispatch:CircuitBreaker</c>), as Polly's sampling circuit breaker defines it.</summary>
/// <param name="FailureRatio">The share of failed attempts in the sampling window that opens the circuit.</param>
/// <param name="MinimumThroughput">The attempts the window needs before the ratio counts.</param>
/// <param name="SamplingDuration">The window.</param>
/// <param name="BreakDuration">How long the circuit stays open before one probe goes through.</param>
public sealed record CircuitBreakerPolicy(double FailureRatio, int MinimumThroughput, TimeSpan SamplingDuration, TimeSpan BreakDuration);
