namespace Sam.Geo.Cli.Samples;

/// <summary>A counter-based random source from <see cref="ValueNoise.Hash"/>: the same seed gives the same numbers on every runtime.</summary>
public sealed class DeterministicRandom(int seed)
{
    private int _counter;

    /// <summary>A number in [0, 1).</summary>
    public double Next() => ValueNoise.Hash(seed, _counter++, 0x2545F491) / 4294967296.0;

    /// <summary>A number in [min, max).</summary>
    public double Next(double min, double max) => min + (max - min) * Next();
}
