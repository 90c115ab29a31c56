namespace EarlyWarning.Benchmarks.Partners;

/// <summary>One message the relay publishes: to which partner's exchange (index into <see cref="RelayPlan.Partners"/>), with which routing key, how many body bytes.</summary>
public readonly record struct PlannedMessage(int Partner, string RoutingKey, int BodyLength);
