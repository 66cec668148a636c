using System.Diagnostics;

namespace Sam.Geo.Cli.Bench;

/// <summary>Median and 95th percentile of repeated runs, in milliseconds.</summary>
internal readonly record struct TimingStats(double MedianMs, double P95Ms, int Iterations);

/// <summary>Times an action: warm-up runs (JIT, caches, GDAL driver setup) first, then the measured repetitions.</summary>
internal static class BenchTimer
{
    public static TimingStats Measure(Action action, int warmup, int iterations, CancellationToken cancellationToken)
    {
        for (int k = 0; k < warmup; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            action();
        }

        var samples = new double[iterations];
        for (int k = 0; k < iterations; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            action();
            samples[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return new TimingStats(Percentile(samples, 50), Percentile(samples, 95), iterations);
    }

    /// <summary>Nearest-rank percentile of samples in any order.</summary>
    internal static double Percentile(List<double> samples, double percent) => Percentile(samples.Order().ToArray(), percent);

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    internal static double Percentile(double[] sorted, double percent)
    {
        int rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
