namespace EarlyWarning.Rules.Model;

/// <summary>What a rule detects: a closed hierarchy, one record per kind, consumed with <c>switch</c>.</summary>
public abstract record RulePattern
{
    private RulePattern()
    {
    }

    /// <summary>The kind's name as written in YAML and in warnings.</summary>
    public abstract string Kind { get; }

    /// <summary>At least <paramref name="MinIncidents"/> incidents in at least <paramref name="MinDistinct"/> distinct values of <paramref name="Distinct"/> within <paramref name="Window"/>.</summary>
    public sealed record Spread(TimeSpan Window, int MinIncidents, int MinDistinct, DistinctField Distinct) : RulePattern
    {
        public override string Kind => "spread";
    }

    /// <summary>At least <paramref name="MinIncidents"/> incidents within <paramref name="Window"/>.</summary>
    public sealed record Threshold(TimeSpan Window, int MinIncidents) : RulePattern
    {
        public override string Kind => "threshold";
    }

    /// <summary>Every incident that passes the rule's filter.</summary>
    public sealed record Single : RulePattern
    {
        public override string Kind => "single";
    }

    /// <summary>
    /// The count over <paramref name="Window"/> against the <paramref name="Baseline"/> before it, counted in buckets of
    /// <paramref name="Bucket"/>: by <paramref name="Ratio"/> (count ≥ ratio × baseline count scaled to the window) or by
    /// <paramref name="ZScore"/> (against the baseline's window-sized slices). At least <paramref name="MinIncidents"/> in
    /// the window and <paramref name="MinBaseline"/> in the baseline, so a quiet or unobserved past does not fire.
    /// </summary>
    public sealed record Trend(TimeSpan Window, TimeSpan Baseline, TimeSpan Bucket, double? Ratio, double? ZScore, int MinIncidents, int MinBaseline) : RulePattern
    {
        public override string Kind => "trend";
    }

    /// <summary>An incident within <paramref name="RadiusKm"/> of a critical site (of <paramref name="SiteIds"/>, or any when empty), located at least as precisely as <paramref name="MinGeoPrecision"/>.</summary>
    public sealed record Proximity(double RadiusKm, IReadOnlyList<string> SiteIds, string MinGeoPrecision) : RulePattern
    {
        public override string Kind => "proximity";
    }

    /// <summary>An incident matching <paramref name="Then"/> at most <paramref name="Window"/> after one matching <paramref name="First"/>, in the same group.</summary>
    public sealed record Sequence(IncidentFilter First, IncidentFilter Then, TimeSpan Window) : RulePattern
    {
        public override string Kind => "sequence";
    }
}
