namespace EarlyWarning.Gazetteer;

/// <summary>
/// The outcome of resolving a reported location: <see cref="LocationResolved"/> or
/// <see cref="LocationUnresolved"/>, consumed with <c>switch</c>.
/// </summary>
public abstract record GazetteerResolution
{
    // Closed hierarchy: only the two outcomes in this assembly derive from it.
    private protected GazetteerResolution()
    {
    }
}
