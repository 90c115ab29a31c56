using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Soc;

/// <summary>
/// The streams of the SOC side of a warning: deliveries, acknowledgements and escalations. They live beside the
/// warning's own stream, not in it, because the rules service alone writes <c>warning-{id}</c> with exact
/// versions, while dispatch and operators append here concurrently.
/// </summary>
public static class SocStreams
{
    /// <summary>Prefix of every warning's SOC stream.</summary>
    public const string SocPrefix = "soc-";

    /// <summary>The SOC stream of one warning.</summary>
    public static StreamName Soc(string warningId) => new(SocPrefix + warningId);
}
