using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Sam.Geo.Tests.Vectorization;

/// <summary>Builds masks from text pictures and checks vectorised output against the raster it came from.</summary>
internal static class MaskFixtures
{
    private static readonly WKTReader Reader = new();

    /// <summary>A mask from rows of text: '#' is inside (255), anything else outside.</summary>
    public static (byte[] Mask, int Width, int Height) Parse(params string[] rows)
    {
        int width = rows.Length == 0 ? 0 : rows[0].Length;
        var mask = new byte[width * rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            Assert.Equal(width, rows[r].Length);
            for (int c = 0; c < width; c++)
                mask[r * width + c] = rows[r][c] == '#' ? (byte)255 : (byte)0;
        }

        return (mask, width, rows.Length);
    }

    public static Geometry Wkt(string wkt) => Reader.Read(wkt);

    /// <summary>Asserts equality up to vertex order and start point, but with exactly the same vertices.</summary>
    public static void AssertSameGeometry(string expectedWkt, Geometry actual)
    {
        Geometry expected = Wkt(expectedWkt);
        expected.Normalize();
        Geometry normalised = actual.Copy();
        normalised.Normalize();
        Assert.Equal(expected.AsText(), normalised.AsText());
    }

    /// <summary>Asserts a set of polygons equals the expected WKTs in any order.</summary>
    public static void AssertSameGeometries(IEnumerable<Geometry> actual, params string[] expectedWkts)
    {
        static string Norm(Geometry g)
        {
            Geometry copy = g.Copy();
            copy.Normalize();
            return copy.AsText();
        }

        var expected = expectedWkts.Select(w => Norm(Wkt(w))).Order().ToList();
        var got = actual.Select(Norm).Order().ToList();
        Assert.Equal(expected, got);
    }

    /// <summary>
    /// Asserts every geometry is valid, the total area equals the set-pixel count, and each pixel centre lies
    /// in exactly one geometry when set and in none when clear.
    /// </summary>
    public static void AssertCoversExactly(IReadOnlyList<Geometry> geometries, ReadOnlySpan<byte> mask, int width, int height)
    {
        foreach (Geometry g in geometries)
            Assert.True(g.IsValid, $"invalid geometry {g.AsText()}");
        int setPixels = 0;
        foreach (byte b in mask)
            setPixels += b != 0 ? 1 : 0;
        Assert.Equal(setPixels, geometries.Sum(g => g.Area), 9);

        var locators = geometries.Select(g => new IndexedPointInAreaLocator(g)).ToArray();
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                var centre = new Coordinate(c + 0.5, r + 0.5);
                int hits = locators.Count(l => l.Locate(centre) == Location.Interior);
                Assert.True(hits == (mask[r * width + c] != 0 ? 1 : 0), $"pixel ({c},{r}) covered {hits} times");
            }
        }
    }
}
