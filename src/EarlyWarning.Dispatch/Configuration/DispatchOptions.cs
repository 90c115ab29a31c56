namespace EarlyWarning.Dispatch.Configuration;

/// <summary>The dispatch's settings (section <c>Dispatch</c>), validated as a whole by <see cref="DispatchOptionsReader"/>.</summary>
/// <param name="Policy">Retries, timeouts and circuit breaking for every delivery.</param>
/// <param name="MaxAge">Warning versions recorded longer ago than this are not delivered when the dispatch starts.</param>
/// <param name="PublicUrl">Where the warnings API is reachable, to make the links of a webhook absolute; relative links when null.</param>
/// <param name="Recipients">Every recipient, in configuration order.</param>
public sealed record DispatchOptions(DeliveryPolicy Policy, TimeSpan MaxAge, Uri? PublicUrl, IReadOnlyList<Recipient> Recipients)
{
    public const string Section = "Dispatch";

    /// <summary>The escalation chain of each recipient that has an escalation policy, by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EscalationStep>> Chains { get; } = EscalationChains.Of(Recipients);

    public Recipient? Find(string name) => Recipients.FirstOrDefault(r => r.Name == name);
}
