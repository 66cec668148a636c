namespace Sam.Geo.Cli.Bench;

/// <summary>A named square binary mask (row-major, 1 inside) for the vectorisation benchmark.</summary>
internal sealed record BenchMask(string Name, byte[] Pixels, int Width, int Height);

/// <summary>Deterministic masks that look like what the vectoriser meets, from easy to hard.</summary>
internal static class BenchMasks
{
    public static IReadOnlyList<BenchMask> All(int size) =>
    [
        SamLikeBlobs(size),
        FragmentedNoise(size, seed: 42),
        Checkerboard(size, cellInPixels: 64),
        new("full", Enumerable.Repeat((byte)1, size * size).ToArray(), size, size),
    ];

    /// <summary>
    /// A few objects as SAM outputs them: wobbly ellipses, two with holes, one hole holding an island.
    /// </summary>
    public static BenchMask SamLikeBlobs(int size)
    {
        var mask = new byte[size * size];
        // (centre x, centre y, radius x, radius y) as fractions of the size; holes clear, islands set.
        (double X, double Y, double Rx, double Ry)[] objects =
            [(0.30, 0.30, 0.20, 0.14), (0.72, 0.28, 0.12, 0.18), (0.50, 0.72, 0.30, 0.18), (0.85, 0.85, 0.06, 0.05), (0.12, 0.80, 0.05, 0.09)];
        (double X, double Y, double Rx, double Ry)[] holes = [(0.30, 0.30, 0.08, 0.06), (0.50, 0.72, 0.14, 0.08)];
        (double X, double Y, double Rx, double Ry)[] islands = [(0.50, 0.72, 0.05, 0.03)];
        Paint(mask, size, objects, 1);
        Paint(mask, size, holes, 0);
        Paint(mask, size, islands, 1);
        return new BenchMask("sam-blobs", mask, size, size);
    }

    /// <summary>Random noise smoothed by a 3×3 majority: thousands of fragments with holes and diagonal touches.</summary>
    public static BenchMask FragmentedNoise(int size, int seed)
    {
        var random = new Random(seed);
        var noise = new byte[size * size];
        for (int i = 0; i < noise.Length; i++)
            noise[i] = random.NextDouble() < 0.5 ? (byte)1 : (byte)0;
        var mask = new byte[noise.Length];
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                int sum = 0;
                for (int rr = Math.Max(r - 1, 0); rr <= Math.Min(r + 1, size - 1); rr++)
                    for (int cc = Math.Max(c - 1, 0); cc <= Math.Min(c + 1, size - 1); cc++)
                        sum += noise[rr * size + cc];
                mask[r * size + c] = sum >= 5 ? (byte)1 : (byte)0;
            }
        }

        return new BenchMask("fragmented", mask, size, size);
    }

    /// <summary>Squares of <paramref name="cellInPixels"/> touching only at corners.</summary>
    public static BenchMask Checkerboard(int size, int cellInPixels)
    {
        var mask = new byte[size * size];
        for (int r = 0; r < size; r++)
            for (int c = 0; c < size; c++)
                mask[r * size + c] = ((r / cellInPixels + c / cellInPixels) & 1) == 0 ? (byte)1 : (byte)0;
        return new BenchMask($"checker-{cellInPixels}px", mask, size, size);
    }

    private static void Paint(byte[] mask, int size, (double X, double Y, double Rx, double Ry)[] ellipses, byte value)
    {
        foreach (var (x, y, rx, ry) in ellipses)
        {
            double cx = x * size, cy = y * size, ax = rx * size, ay = ry * size;
            for (int r = Math.Max((int)(cy - ay * 1.2), 0); r < Math.Min((int)(cy + ay * 1.2) + 1, size); r++)
            {
                for (int c = Math.Max((int)(cx - ax * 1.2), 0); c < Math.Min((int)(cx + ax * 1.2) + 1, size); c++)
                {
                    double dx = (c + 0.5 - cx) / ax, dy = (r + 0.5 - cy) / ay;
                    // A wobble of the radius with angle gives the ragged outline of a real mask.
                    double wobble = 1 + 0.08 * Math.Sin(7 * Math.Atan2(dy, dx)) + 0.03 * Math.Sin(23 * Math.Atan2(dy, dx));
                    if (dx * dx + dy * dy <= wobble * wobble)
                        mask[r * size + c] = value;
                }
            }
        }
    }
}
