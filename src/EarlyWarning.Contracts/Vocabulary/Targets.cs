namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>Whom or what an incident was aimed at.</summary>
public static class Targets
{
    /// <summary>Army, Frontier Corps, navy and other military forces.</summary>
    public const string SecurityForces = "security-forces";

    /// <summary>Police, Levies and the Counter-Terrorism Department.</summary>
    public const string Police = "police";

    /// <summary>Civilians.</summary>
    public const string Civilians = "civilians";

    /// <summary>Government officials and offices.</summary>
    public const string Government = "government";

    /// <summary>Foreign nationals, e.g. workers on CPEC projects.</summary>
    public const string ForeignNationals = "foreign-nationals";

    /// <summary>Highways and the traffic on them.</summary>
    public const string Highway = "highway";

    /// <summary>Railway lines, stations and trains.</summary>
    public const string Rail = "rail";

    /// <summary>China–Pakistan Economic Corridor sites, e.g. Gwadar port.</summary>
    public const string CpecSite = "cpec-site";

    /// <summary>Power lines, gas pipelines and other energy installations.</summary>
    public const string Energy = "energy";

    /// <summary>Telecommunication towers and networks.</summary>
    public const string Telecom = "telecom";

    /// <summary>Militants, the target of security operations.</summary>
    public const string Militants = "militants";

    /// <summary>Every target.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        SecurityForces, Police, Civilians, Government, ForeignNationals, Highway, Rail, CpecSite, Energy, Telecom, Militants,
    };
}
