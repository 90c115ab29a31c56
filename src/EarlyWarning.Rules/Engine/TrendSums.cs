namespace EarlyWarning.Rules.Engine;

/// <summary>What a trend's evaluation of <paramref name="Bucket"/> needs besides that bucket's own count.</summary>
/// <param name="Bucket">The bucket evaluated.</param>
/// <param name="Earlier">The count of the window's buckets before it.</param>
/// <param name="Baseline">The baseline's count.</param>
/// <param name="Mean">Z-score rules: the mean of the baseline's window-sized slices.</param>
/// <param name="Sigma">Z-score rules: their population standard deviation.</param>
internal sealed record TrendSums(long Bucket, int Earlier, int Baseline, double Mean, double Sigma);
