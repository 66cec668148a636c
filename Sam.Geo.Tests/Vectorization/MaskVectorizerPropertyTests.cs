using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Tests.Vectorization;

public class MaskVectorizerPropertyTests
{
    /// <summary>A random mask from generated bits: width 1..12, rows as many as the bits fill.</summary>
    private static (byte[] Mask, int Width, int Height) MaskFrom(bool[] bits, int widthSeed)
    {
        int width = Math.Abs(widthSeed % 12) + 1;
        int height = (bits.Length + width - 1) / width;
        var mask = new byte[width * height];
        for (int i = 0; i < bits.Length; i++)
            mask[i] = bits[i] ? (byte)1 : (byte)0;
        return (mask, width, height);
    }

    [Property(MaxTest = 300)]
    public void Vectorize_RandomMask_ValidAndRasterisesBackToMask(NonEmptyArray<bool> bits, int widthSeed)
    {
        var (mask, w, h) = MaskFrom(bits.Get, widthSeed);
        IReadOnlyList<Polygon> polygons = MaskVectorizer.Vectorize(mask, w, h);
        MaskFixtures.AssertCoversExactly(polygons, mask, w, h);
    }

    [Property(MaxTest = 300)]
    public void VectorizeRegions_RandomMaskEightConnected_ValidAndRasterisesBackToMask(NonEmptyArray<bool> bits, int widthSeed)
    {
        var (mask, w, h) = MaskFrom(bits.Get, widthSeed);
        IReadOnlyList<Geometry> regions = MaskVectorizer.VectorizeRegions(mask, w, h, PixelConnectivity.Eight);
        MaskFixtures.AssertCoversExactly(regions, mask, w, h);
        Assert.True(regions.Count <= MaskVectorizer.Vectorize(mask, w, h).Count);
    }

    [Property(MaxTest = 100)]
    public void Vectorize_RandomMask_NoCollinearVertices(NonEmptyArray<bool> bits, int widthSeed)
    {
        var (mask, w, h) = MaskFrom(bits.Get, widthSeed);
        foreach (Polygon polygon in MaskVectorizer.Vectorize(mask, w, h))
        {
            foreach (LineString ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                Coordinate[] c = ring.Coordinates;
                int n = c.Length - 1;
                for (int k = 0; k < n; k++)
                {
                    Coordinate prev = c[(k + n - 1) % n], here = c[k], next = c[k + 1];
                    bool straight = (prev.X == here.X && here.X == next.X) || (prev.Y == here.Y && here.Y == next.Y);
                    Assert.False(straight, $"collinear vertex {here} in {ring}");
                }
            }
        }
    }

    [Fact]
    public void Vectorize_LargeRandomBlobs_ValidAndRasterisesBackToMask()
    {
        var (mask, w, h) = RandomBlobs(96, 80, seed: 7);
        MaskFixtures.AssertCoversExactly(MaskVectorizer.Vectorize(mask, w, h), mask, w, h);
        MaskFixtures.AssertCoversExactly(MaskVectorizer.VectorizeRegions(mask, w, h, PixelConnectivity.Eight), mask, w, h);
    }

    /// <summary>Random noise smoothed by a majority filter: blobs with holes, islands and diagonal touches.</summary>
    internal static (byte[] Mask, int Width, int Height) RandomBlobs(int width, int height, int seed)
    {
        var random = new Random(seed);
        var noise = new byte[width * height];
        for (int i = 0; i < noise.Length; i++)
            noise[i] = random.NextDouble() < 0.5 ? (byte)1 : (byte)0;
        var mask = new byte[noise.Length];
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                int sum = 0;
                for (int dr = -1; dr <= 1; dr++)
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        int rr = r + dr, cc = c + dc;
                        if (rr >= 0 && rr < height && cc >= 0 && cc < width)
                            sum += noise[rr * width + cc];
                    }

                mask[r * width + c] = sum >= 5 ? (byte)1 : (byte)0;
            }
        }

        return (mask, width, height);
    }
}
