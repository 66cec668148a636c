using NetTopologySuite.Algorithm.Distance;
using NetTopologySuite.Geometries;
using Sam.Geo.Vectorization;
using static Sam.Geo.Tests.Vectorization.MaskFixtures;

namespace Sam.Geo.Tests.Vectorization;

public class PolygonCleanerTests
{
    private static IReadOnlyList<Polygon> Polygons(params string[] rows)
    {
        var (mask, w, h) = Parse(rows);
        return MaskVectorizer.Vectorize(mask, w, h);
    }

    // A 6×6 block with a 1-pixel hole and a 4-pixel hole, and a separate 2-pixel part.
    private static readonly string[] Picture =
    [
        "######..",
        "#.####..",
        "######.#",
        "##..##.#",
        "##..##..",
        "######..",
    ];

    [Fact]
    public void Clean_None_PolygonsUnchanged()
    {
        var input = Polygons(Picture);
        var cleaned = PolygonCleaner.Clean(input, PolygonCleanupOptions.None);
        Assert.Equal(input.Select(p => p.AsText()), cleaned.Select(p => p.AsText()));
    }

    [Fact]
    public void Clean_MaxHoleArea_FillsOnlySmallerHoles()
    {
        var cleaned = PolygonCleaner.Clean(Polygons(Picture), PolygonCleanupOptions.None with { MaxHoleAreaInPixels = 2 });
        AssertSameGeometries(cleaned,
            "POLYGON ((0 0, 6 0, 6 6, 0 6, 0 0), (2 3, 4 3, 4 5, 2 5, 2 3))",
            "POLYGON ((7 2, 8 2, 8 4, 7 4, 7 2))");
    }

    [Fact]
    public void Clean_MaxHoleAreaEqualToHole_HoleKept()
    {
        var cleaned = PolygonCleaner.Clean(Polygons("###", "#.#", "###"), PolygonCleanupOptions.None with { MaxHoleAreaInPixels = 1 });
        Assert.Equal(1, Assert.Single(cleaned).NumInteriorRings);
    }

    [Fact]
    public void Clean_MinPartArea_DropsSmallerParts()
    {
        var cleaned = PolygonCleaner.Clean(Polygons(Picture), PolygonCleanupOptions.None with { MinPartAreaInPixels = 3 });
        var polygon = Assert.Single(cleaned);
        Assert.Equal(31, polygon.Area);
    }

    [Fact]
    public void Clean_MinPartAreaAfterHoleFill_UsesFilledArea()
    {
        // The ring has 8 pixels; with its hole filled it covers 9, which passes a minimum of 9.
        var options = PolygonCleanupOptions.None with { MaxHoleAreaInPixels = 2, MinPartAreaInPixels = 9 };
        var polygon = Assert.Single(PolygonCleaner.Clean(Polygons("###", "#.#", "###"), options));
        Assert.Equal(9, polygon.Area);
    }

    [Fact]
    public void Clean_KeepLargestPartOnly_OnePartLeft()
    {
        var cleaned = PolygonCleaner.Clean(Polygons("#.###", "#.###"), PolygonCleanupOptions.None with { KeepLargestPartOnly = true });
        AssertSameGeometries(cleaned, "POLYGON ((2 0, 5 0, 5 2, 2 2, 2 0))");
    }

    [Fact]
    public void Clean_SimplifyShallowStaircase_StepsRemovedWithinHalfPixel()
    {
        // Bottom edge descends one pixel every 8 columns: a shallow staircase.
        string[] rows =
        [
            "########################",
            "########################",
            "################........",
            "########................",
        ];
        var input = Assert.Single(Polygons(rows));
        var simplified = Assert.Single(PolygonCleaner.Clean([input], PolygonCleanupOptions.Default));
        Assert.True(simplified.NumPoints < input.NumPoints, $"{simplified.NumPoints} >= {input.NumPoints}");
        Assert.True(simplified.IsValid);
        Assert.True(input.SymmetricDifference(simplified).Area < input.Area * 0.1);
        Assert.InRange(DiscreteHausdorffDistance.Distance(input.Boundary, simplified.Boundary), 0, 0.5 + 1e-9);
    }

    [Fact]
    public void Clean_SimplifyDisabled_StaircaseKept()
    {
        var input = Assert.Single(Polygons("####....", "########"));
        var output = Assert.Single(PolygonCleaner.Clean([input], PolygonCleanupOptions.None));
        Assert.Equal(input.NumPoints, output.NumPoints);
    }

    [Fact]
    public void Clean_SimplifyLargeTolerance_ValidAndHolesKept()
    {
        var (mask, w, h) = MaskVectorizerPropertyTests.RandomBlobs(60, 60, seed: 11);
        var input = MaskVectorizer.Vectorize(mask, w, h);
        var cleaned = PolygonCleaner.Clean(input, PolygonCleanupOptions.None with { SimplifyToleranceInPixels = 3 });
        Assert.All(cleaned, p => Assert.True(p.IsValid, p.AsText()));
        Assert.True(cleaned.Sum(p => p.NumPoints) < input.Sum(p => p.NumPoints));
    }

    [Fact]
    public void Clean_DefaultOptionsOnRandomBlobs_AllValid()
    {
        var (mask, w, h) = MaskVectorizerPropertyTests.RandomBlobs(80, 64, seed: 5);
        var cleaned = PolygonCleaner.Clean(MaskVectorizer.Vectorize(mask, w, h), PolygonCleanupOptions.Default);
        Assert.NotEmpty(cleaned);
        Assert.All(cleaned, p => Assert.True(p.IsValid, p.AsText()));
    }

    [Fact]
    public void Clean_GeometryAllPartsDropped_EmptyPolygon()
    {
        var (mask, w, h) = Parse("#.", ".#");
        var region = Assert.Single(MaskVectorizer.VectorizeRegions(mask, w, h, PixelConnectivity.Eight));
        var cleaned = PolygonCleaner.Clean(region, PolygonCleanupOptions.None with { MinPartAreaInPixels = 2 });
        Assert.True(cleaned.IsEmpty);
        Assert.IsType<Polygon>(cleaned);
    }

    [Fact]
    public void Clean_GeometryMultiPolygon_KeepLargestGivesPolygon()
    {
        var (mask, w, h) = Parse("#.", ".#", ".#");
        var region = Assert.Single(MaskVectorizer.VectorizeRegions(mask, w, h, PixelConnectivity.Eight));
        Assert.IsType<MultiPolygon>(region);
        var cleaned = PolygonCleaner.Clean(region, PolygonCleanupOptions.None with { KeepLargestPartOnly = true });
        AssertSameGeometry("POLYGON ((1 1, 2 1, 2 3, 1 3, 1 1))", cleaned);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_InvalidValue_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolygonCleanupOptions { MinPartAreaInPixels = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolygonCleanupOptions { MaxHoleAreaInPixels = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolygonCleanupOptions { SimplifyToleranceInPixels = value });
    }

    [Fact]
    public void Options_Default_HalfPixelToleranceNothingElse()
    {
        var d = PolygonCleanupOptions.Default;
        Assert.Equal((0.0, 0.0, 0.5, false), (d.MinPartAreaInPixels, d.MaxHoleAreaInPixels, d.SimplifyToleranceInPixels, d.KeepLargestPartOnly));
    }
}
