namespace EarlyWarning.Rules.Engine;

/// <summary>What a trend's evaluation of <paramref name="Bucket"/> needs besides that bucket's own count.</summary>
/// <param name="Bucket">The bucket evaluated.</param>
/// <param name="Earlier">The count of the window's buckets before it.</param>
/// <param name="Baseline">The baseline's count.</param>
/// <param name="Mean">Z-score rules: the mean of the baseline's window-sized slices.</param>
/// <param name="Sigma">Z-score rules: their population standard deviation.</param>
/// <param name="Slices">Z-score rules: the count of each of those slices, oldest first; null for ratio rules.</param>
internal sealed record TrendSums(long Bucket, int Earlier, int Baseline, double Mean, double Sigma, int[]? Slices);
