using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Sam.Geo.Interop;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Tests.Vectorization;

/// <summary>
/// <see cref="MaskVectorizer"/> against GDAL's own <c>GDALPolygonize</c> on the same masks. With 4-connectivity
/// both must give the same multiset of polygons, vertex for vertex after <see cref="Geometry.Normalize"/>. With
/// 8-connectivity GDAL writes a region whose parts touch at corners as one ring pinched there (invalid), where we
/// return the valid parts; so each GDAL polygon must cover exactly the pixels of one of our regions, with the same
/// area, and must be identical to it wherever GDAL's polygon is valid.
/// </summary>
public class GdalPolygonizeComparisonTests
{
    public static TheoryData<int, int, double, int> RandomCases()
    {
        var data = new TheoryData<int, int, double, int>();
        (int W, int H)[] sizes = [(1, 1), (1, 9), (9, 1), (2, 2), (7, 5), (31, 17), (64, 64), (200, 150)];
        foreach (var (w, h) in sizes)
            foreach (double density in new[] { 0.1, 0.3, 0.5, 0.7, 0.9 })
                data.Add(w, h, density, w * 1000 + h + (int)(density * 10));
        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Vectorize_RandomMask_SamePolygonsAsGdal(int width, int height, double density, int seed)
    {
        byte[] mask = RandomMask(width, height, density, seed);
        AssertSameAsGdalFourConnected(mask, width, height);
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void VectorizeRegions_RandomMaskEightConnected_SameRegionsAsGdal(int width, int height, double density, int seed)
    {
        byte[] mask = RandomMask(width, height, density, seed);
        AssertSameAsGdalEightConnected(mask, width, height);
    }

    [Theory]
    [InlineData(200, 150, 1)]
    [InlineData(120, 90, 2)]
    [InlineData(64, 200, 3)]
    public void Vectorize_RandomBlobs_SameAsGdalBothConnectivities(int width, int height, int seed)
    {
        var (mask, w, h) = MaskVectorizerPropertyTests.RandomBlobs(width, height, seed);
        AssertSameAsGdalFourConnected(mask, w, h);
        AssertSameAsGdalEightConnected(mask, w, h);
    }

    [Property(MaxTest = 200)]
    public void Vectorize_GeneratedMask_SameAsGdalBothConnectivities(NonEmptyArray<bool> bits, PositiveInt width)
    {
        int w = (width.Get - 1) % 16 + 1;
        int h = (bits.Get.Length + w - 1) / w;
        var mask = new byte[w * h];
        for (int i = 0; i < bits.Get.Length; i++)
            mask[i] = bits.Get[i] ? (byte)(1 + i % 200) : (byte)0; // several nonzero values: all are "inside"
        AssertSameAsGdalFourConnected(mask, w, h);
        AssertSameAsGdalEightConnected(mask, w, h);
    }

    public static TheoryData<string, string[]> NastyShapes() => new()
    {
        { "single pixel", ["#"] },
        { "single clear pixel", ["."] },
        { "empty", [".....", ".....", "....."] },
        { "full", ["#####", "#####", "#####"] },
        { "checkerboard", ["#.#.#.", ".#.#.#", "#.#.#.", ".#.#.#", "#.#.#."] },
        { "checkerboard 2-px cells", ["##..##..", "##..##..", "..##..##", "..##..##", "##..##..", "##..##.."] },
        { "diagonal touch", ["#.", ".#"] },
        { "anti-diagonal touch", [".#", "#."] },
        { "diagonal staircase", ["#....", ".#...", "..#..", "...#.", "....#"] },
        { "holes in holes", Concentric(11) },
        { "holes in holes, even", Concentric(14) },
        { "horizontal line", [".......", "#######", "......."] },
        { "vertical line", [".#.", ".#.", ".#.", ".#."] },
        { "plus", ["..#..", "..#..", "#####", "..#..", "..#.."] },
        { "one-pixel ring", ["#####", "#...#", "#...#", "#####"] },
        { "frame touching every border", ["######", "#....#", "#.##.#", "#....#", "######"] },
        { "hole touching shell at a corner", ["####.", "#.#..", "##...", "....."] },
        { "two holes touching at a corner", ["####", "#.##", "##.#", "####"] },
        { "hole closed diagonally", ["###", "#.#", "##.", "..."] },
        { "arms touching diagonally", [".##.", "#..#", "#..#", ".##."] },
        { "diamond of diagonal touches", ["..#..", ".#.#.", "#...#", ".#.#.", "..#.."] },
        { "island in hole touching diagonally", ["#####", "#...#", "#.#.#", "#..##", "#####"] },
        { "comb", ["#.#.#.#", "#.#.#.#", "#######"] },
        { "spiral", Spiral(13) },
        { "border pixels only", ["#.#.#", ".....", "#...#", ".....", "#.#.#"] },
    };

    [Theory]
    [MemberData(nameof(NastyShapes))]
    public void Vectorize_NastyShape_SamePolygonsAsGdal(string name, string[] picture)
    {
        _ = name;
        var (mask, w, h) = MaskFixtures.Parse(picture);
        AssertSameAsGdalFourConnected(mask, w, h);
    }

    [Theory]
    [MemberData(nameof(NastyShapes))]
    public void VectorizeRegions_NastyShapeEightConnected_SameRegionsAsGdal(string name, string[] picture)
    {
        _ = name;
        var (mask, w, h) = MaskFixtures.Parse(picture);
        AssertSameAsGdalEightConnected(mask, w, h);
    }

    [Fact]
    public void Polygonize_CheckerboardEightConnected_GdalWritesOnePinchedInvalidPolygon()
    {
        // Guards the premise of the 8-connected comparison: if a GDAL upgrade writes valid geometry here, the
        // polygon-by-polygon check starts covering these regions too, and our MultiPolygon would need revisiting.
        var (mask, w, h) = MaskFixtures.Parse("#.#", ".#.", "#.#");
        Polygon polygon = Assert.Single(GdalPolygonizer.Polygonize(mask, w, h, PixelConnectivity.Eight));
        Assert.False(polygon.IsValid);
        Assert.Equal(5.0, polygon.Area, 9);
    }

    private static void AssertSameAsGdalFourConnected(byte[] mask, int width, int height)
    {
        IReadOnlyList<Polygon> ours = MaskVectorizer.Vectorize(mask, width, height);
        IReadOnlyList<Polygon> gdal = GdalPolygonizer.Polygonize(mask, width, height);
        Assert.Equal(gdal.Sum(g => g.Area), ours.Sum(g => g.Area), 9);
        Assert.Equal(gdal.Count, ours.Count);
        Geometry[] expected = SortedNormalised(gdal), actual = SortedNormalised(ours);
        for (int k = 0; k < expected.Length; k++)
            if (!expected[k].EqualsExact(actual[k]))
                Assert.Fail($"GDAL {expected[k].AsText()}\n ours {actual[k].AsText()}");
    }

    private static void AssertSameAsGdalEightConnected(byte[] mask, int width, int height)
    {
        IReadOnlyList<Geometry> ours = MaskVectorizer.VectorizeRegions(mask, width, height, PixelConnectivity.Eight);
        IReadOnlyList<Polygon> gdal = GdalPolygonizer.Polygonize(mask, width, height, PixelConnectivity.Eight);
        Assert.Equal(gdal.Sum(g => g.Area), ours.Sum(g => g.Area), 9);
        Assert.Equal(gdal.Count, ours.Count);

        int[] gdalOwner = PixelOwners(gdal, mask, width, height);
        int[] ourOwner = PixelOwners(ours, mask, width, height);
        var gdalToOurs = new int[gdal.Count];
        var oursToGdal = new int[ours.Count];
        Array.Fill(gdalToOurs, -1);
        Array.Fill(oursToGdal, -1);
        for (int i = 0; i < mask.Length; i++)
        {
            int g = gdalOwner[i], o = ourOwner[i];
            if (g < 0)
                continue;
            if (gdalToOurs[g] < 0 && oursToGdal[o] < 0)
                (gdalToOurs[g], oursToGdal[o]) = (o, g);
            if (gdalToOurs[g] != o || oursToGdal[o] != g) // message built only on failure: the WKT can be huge
                Assert.Fail($"pixel ({i % width},{i / width}) splits regions differently: GDAL {gdal[g].AsText()}\n ours {ours[o].AsText()}");
        }

        for (int g = 0; g < gdal.Count; g++)
        {
            Geometry mine = ours[gdalToOurs[g]];
            Assert.Equal(gdal[g].Area, mine.Area, 9);
            if (!gdal[g].IsValid)
                continue;
            Geometry expected = Normalised(gdal[g]), actual = Normalised(mine);
            if (!expected.EqualsExact(actual))
                Assert.Fail($"GDAL {expected.AsText()}\n ours {actual.AsText()}");
        }
    }

    /// <summary>
    /// For each pixel, the index of the geometry whose interior holds its centre (-1 for none); asserts that set
    /// pixels have exactly one and clear pixels none. Works on GDAL's pinched rings too (ray crossing).
    /// </summary>
    private static int[] PixelOwners<T>(IReadOnlyList<T> geometries, byte[] mask, int width, int height) where T : Geometry
    {
        var owner = new int[width * height];
        Array.Fill(owner, -1);
        for (int k = 0; k < geometries.Count; k++)
        {
            var locator = new IndexedPointInAreaLocator(geometries[k]);
            Envelope env = geometries[k].EnvelopeInternal;
            for (int r = (int)env.MinY; r < (int)env.MaxY; r++)
            {
                for (int c = (int)env.MinX; c < (int)env.MaxX; c++)
                {
                    if (locator.Locate(new Coordinate(c + 0.5, r + 0.5)) != Location.Interior)
                        continue;
                    if (owner[r * width + c] >= 0)
                        Assert.Fail($"pixel ({c},{r}) covered twice");
                    owner[r * width + c] = k;
                }
            }
        }

        for (int i = 0; i < owner.Length; i++)
            if (owner[i] >= 0 != (mask[i] != 0))
                Assert.Fail($"pixel ({i % width},{i / width}) covered: {owner[i] >= 0}, set: {mask[i] != 0}");
        return owner;
    }

    private static Geometry Normalised(Geometry g)
    {
        Geometry copy = g.Copy();
        copy.Normalize();
        return copy;
    }

    private static Geometry[] SortedNormalised(IEnumerable<Geometry> geometries) =>
        geometries.Select(Normalised).Order().ToArray();

    private static byte[] RandomMask(int width, int height, double density, int seed)
    {
        var random = new Random(seed);
        var mask = new byte[width * height];
        for (int i = 0; i < mask.Length; i++)
            mask[i] = random.NextDouble() < density ? (byte)255 : (byte)0;
        return mask;
    }

    /// <summary>Alternating square rings around the centre: shells with holes with islands with holes...</summary>
    private static string[] Concentric(int size) =>
        Enumerable.Range(0, size).Select(r => new string(Enumerable.Range(0, size)
            .Select(c => Math.Min(Math.Min(r, c), Math.Min(size - 1 - r, size - 1 - c)) % 2 == 0 ? '#' : '.')
            .ToArray())).ToArray();

    /// <summary>A one-pixel-wide square spiral winding inwards with one-pixel gaps (a turtle that turns right early).</summary>
    private static string[] Spiral(int size)
    {
        var cells = new char[size, size];
        for (int r = 0; r < size; r++)
            for (int c = 0; c < size; c++)
                cells[r, c] = '.';
        bool Inside(int x, int y) => x >= 0 && y >= 0 && x < size && y < size;
        bool CanStep(int x, int y, int dx, int dy) =>
            Inside(x + dx, y + dy) && cells[y + dy, x + dx] != '#'
            && !(Inside(x + 2 * dx, y + 2 * dy) && cells[y + 2 * dy, x + 2 * dx] == '#');
        int px = 0, py = 0, ddx = 1, ddy = 0;
        cells[0, 0] = '#';
        while (true)
        {
            if (!CanStep(px, py, ddx, ddy))
            {
                (ddx, ddy) = (-ddy, ddx); // turn right (y grows downward)
                if (!CanStep(px, py, ddx, ddy))
                    break;
            }

            px += ddx;
            py += ddy;
            cells[py, px] = '#';
        }

        return Enumerable.Range(0, size).Select(r => new string(Enumerable.Range(0, size).Select(c => cells[r, c]).ToArray())).ToArray();
    }
}
