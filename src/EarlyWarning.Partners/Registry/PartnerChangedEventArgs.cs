namespace EarlyWarning.Partners.Registry;

/// <summary>A partner was registered, given a new key, or removed, here or by another instance.</summary>
/// <param name="name">The partner's name.</param>
/// <param name="partner">The partner now; null when it was removed.</param>
public sealed class PartnerChangedEventArgs(string name, Partner? partner) : EventArgs
{
    public string Name { get; } = name;

    public Partner? Partner { get; } = partner;
}
