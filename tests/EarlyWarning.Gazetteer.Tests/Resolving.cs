using Xunit;

namespace EarlyWarning.Gazetteer.Tests;

/// <summary>Assertions on resolutions that say what went wrong when they fail.</summary>
internal static class Resolving
{
    public static GazetteerLocation Resolved(GazetteerResolution resolution) => resolution switch
    {
        LocationResolved resolved => resolved.Location,
        LocationUnresolved unresolved => throw new Xunit.Sdk.XunitException($"Expected a location, got {unresolved.Failure}: {unresolved.Reason}"),
        _ => throw new Xunit.Sdk.XunitException($"Unexpected resolution {resolution}"),
    };

    public static LocationUnresolved Unresolved(GazetteerResolution resolution, ResolutionFailure expected)
    {
        var unresolved = Assert.IsType<LocationUnresolved>(resolution);
        Assert.True(expected == unresolved.Failure, $"Expected {expected}, got {unresolved.Failure}: {unresolved.Reason}");
        return unresolved;
    }
}
