namespace EarlyWarning.Dispatch.Configuration;

/// <summary>How hard one delivery is tried before it is dead-lettered (<c>Dispatch:*</c>).</summary>
/// <param name="Attempts">Attempts in all, the first included.</param>
/// <param name="BaseDelay">The median delay before the first retry; it doubles with each retry, with jitter.</param>
/// <param name="MaxDelay">The longest delay between two attempts.</param>
/// <param name="AttemptTimeout">How long one attempt may take, the answer's headers included.</param>
/// <param name="CircuitBreaker">The circuit breaker shared by every delivery to one URL.</param>
public sealed record DeliveryPolicy(int Attempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout, CircuitBreakerPolicy CircuitBreaker);
