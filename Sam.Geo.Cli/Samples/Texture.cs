namespace Sam.Geo.Cli.Samples;

/// <summary>
/// A deterministic, smooth surface texture. A pixel's band value is
/// <c>base[b] * (1 + Amplitude*t + ChromaAmplitude*c*w[b])</c> with t (brightness) and c (hue shift) in [-1, 1],
/// so no value strays from its base by more than <see cref="MaxRelativeDeviation"/>. Smooth (no per-pixel
/// noise) so that DEFLATE with a horizontal predictor compresses it well.
/// </summary>
/// <param name="Amplitude">Relative brightness variation.</param>
/// <param name="ChromaAmplitude">Relative hue variation (bands move in opposite directions).</param>
/// <param name="NoiseScalePx">Size of the noise blobs in pixels.</param>
/// <param name="RowPeriodPx">Period of crop rows in pixels; 0 for none.</param>
/// <param name="RowAngleDegrees">Direction of the rows (0 = along image rows).</param>
/// <param name="RowWeight">Share of the brightness variation given to the rows (0..1).</param>
public sealed record Texture(double Amplitude, double ChromaAmplitude, double NoiseScalePx,
    double RowPeriodPx = 0, double RowAngleDegrees = 0, double RowWeight = 0)
{
    /// <summary>A flat fill (every pixel exactly the base colour).</summary>
    public static Texture Flat { get; } = new(0, 0, 1);

    /// <summary>Smooth blotchy variation.</summary>
    public static Texture Noise(double amplitude, double scalePx, double chroma = 0) => new(amplitude, chroma, scalePx);

    /// <summary>Crop rows with some blotchy variation.</summary>
    public static Texture Rows(double amplitude, double periodPx, double angleDegrees, double chroma = 0.02) =>
        new(amplitude, chroma, 48, periodPx, angleDegrees, 0.6);

    /// <summary>The largest relative deviation of a band value from its base.</summary>
    public double MaxRelativeDeviation => Amplitude + ChromaAmplitude;

    /// <summary>True when the texture leaves the base colour unchanged.</summary>
    public bool IsFlat => Amplitude == 0 && ChromaAmplitude == 0;

    /// <summary>Brightness t and hue shift c, both in [-1, 1], at pixel centre (x, y).</summary>
    public (double Brightness, double Hue) Evaluate(double x, double y, int seed)
    {
        double noise = ValueNoise.Fractal(x / NoiseScalePx, y / NoiseScalePx, seed);
        double t = noise;
        if (RowPeriodPx > 0)
        {
            double a = RowAngleDegrees * Math.PI / 180;
            double across = -x * Math.Sin(a) + y * Math.Cos(a);
            t = RowWeight * Math.Sin(2 * Math.PI * across / RowPeriodPx) + (1 - RowWeight) * noise;
        }
        double hue = ChromaAmplitude == 0 ? 0 : ValueNoise.Fractal(x / (2 * NoiseScalePx), y / (2 * NoiseScalePx), seed ^ 0x5bd1e995);
        return (t, hue);
    }
}

/// <summary>Deterministic lattice value noise (no System.Random, so results never depend on the runtime).</summary>
public static class ValueNoise
{
    /// <summary>Two octaves of smooth value noise in [-1, 1] at (x, y) in lattice units.</summary>
    public static double Fractal(double x, double y, int seed) =>
        0.65 * Smooth(x, y, seed) + 0.35 * Smooth(2 * x + 17.3, 2 * y + 5.1, seed + 1013);

    /// <summary>Smooth value noise in [-1, 1]: lattice values interpolated with a smoothstep.</summary>
    public static double Smooth(double x, double y, int seed)
    {
        double fx = Math.Floor(x), fy = Math.Floor(y);
        int ix = (int)fx, iy = (int)fy;
        double u = Fade(x - fx), v = Fade(y - fy);
        double a = Lattice(ix, iy, seed), b = Lattice(ix + 1, iy, seed);
        double c = Lattice(ix, iy + 1, seed), d = Lattice(ix + 1, iy + 1, seed);
        return a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v;
    }

    /// <summary>A hash of (x, y, seed) mapped to [-1, 1].</summary>
    public static double Lattice(int x, int y, int seed) => Hash(x, y, seed) / (double)uint.MaxValue * 2 - 1;

    /// <summary>A well-mixed 32-bit hash of three integers.</summary>
    public static uint Hash(int x, int y, int seed)
    {
        ulong h = (ulong)(uint)x * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)y * 0xC2B2AE3D27D4EB4FUL ^ (ulong)(uint)seed * 0x165667B19E3779F9UL;
        h ^= h >> 33; h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33; h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (uint)h;
    }

    private static double Fade(double t) => t * t * (3 - 2 * t);
}
