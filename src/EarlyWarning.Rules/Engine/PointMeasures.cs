namespace EarlyWarning.Rules.Engine;

/// <summary>The measures of the window at a firing point (docs/rules.md, "Measures").</summary>
internal readonly record struct PointMeasures(int Incidents, int Distinct, int Killed, double Trend)
{
    public double Of(Model.Measure measure) => measure switch
    {
        Model.Measure.Incidents => Incidents,
        Model.Measure.Distinct => Distinct,
        Model.Measure.Killed => Killed,
        _ => Trend,
    };
}
