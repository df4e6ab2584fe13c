namespace DocStrange.Bench.Submit;

/// <summary>
/// Percentiles of a set of latencies by the nearest-rank method: pN is the smallest sample with at
/// least N % of the samples at or below it (so with 50 samples p99 is the maximum, p90 the 45th).
/// </summary>
internal sealed record LatencyStats(int Count, double P50, double P90, double P99, double Max, double Mean, double Min)
{
    public static LatencyStats? Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0) return null;
        var sorted = samples.Order().ToArray();
        return new LatencyStats(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1], sorted.Average(), sorted[0]);
    }

    private static double Rank(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
