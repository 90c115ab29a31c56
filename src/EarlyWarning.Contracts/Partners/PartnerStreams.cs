using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Partners;

/// <summary>
/// The stream of each partner: its registration, key rotations and removal when it was registered through the admin
/// API, and the audit of what was delivered to it (re-deliveries, failed deliveries) whatever its origin.
/// </summary>
public static class PartnerStreams
{
    /// <summary>Prefix of every partner's stream.</summary>
    public const string PartnerPrefix = "partner-";

    /// <summary>
    /// The stream of one partner. Names are unique whatever their case, so the stream is named in lower case:
    /// two registrations of <c>NDMA</c> and <c>ndma</c> meet on one stream, and its expected revision lets one win.
    /// </summary>
    public static StreamName Partner(string name) => new(PartnerPrefix + name.ToLowerInvariant());
}
