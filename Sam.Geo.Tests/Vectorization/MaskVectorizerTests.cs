using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Sam.Geo.Vectorization;
using static Sam.Geo.Tests.Vectorization.MaskFixtures;

namespace Sam.Geo.Tests.Vectorization;

public class MaskVectorizerTests
{
    private static IReadOnlyList<Polygon> Vectorize(params string[] rows)
    {
        var (mask, w, h) = Parse(rows);
        var polygons = MaskVectorizer.Vectorize(mask, w, h);
        AssertCoversExactly(polygons, mask, w, h);
        return polygons;
    }

    private static IReadOnlyList<Geometry> Regions(PixelConnectivity connectivity, params string[] rows)
    {
        var (mask, w, h) = Parse(rows);
        var regions = MaskVectorizer.VectorizeRegions(mask, w, h, connectivity);
        AssertCoversExactly(regions, mask, w, h);
        return regions;
    }

    [Fact]
    public void Vectorize_SinglePixel_UnitSquare()
    {
        var polygons = Vectorize("...", ".#.", "...");
        AssertSameGeometries(polygons, "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))");
    }

    [Fact]
    public void Vectorize_Rectangle_FourCornersOnly()
    {
        var polygons = Vectorize("......", ".###..", ".###..", "......");
        AssertSameGeometries(polygons, "POLYGON ((1 1, 4 1, 4 3, 1 3, 1 1))");
        Assert.Equal(5, polygons[0].NumPoints);
    }

    [Fact]
    public void Vectorize_LShape_SixCorners()
    {
        var polygons = Vectorize("#..", "#..", "###");
        AssertSameGeometries(polygons, "POLYGON ((0 0, 1 0, 1 2, 3 2, 3 3, 0 3, 0 0))");
    }

    [Fact]
    public void Vectorize_Ring_PolygonWithHole()
    {
        var polygons = Vectorize("###", "#.#", "###");
        AssertSameGeometries(polygons, "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))");
    }

    [Fact]
    public void Vectorize_IslandInHole_IslandIsSeparatePolygon()
    {
        var polygons = Vectorize("#####", "#...#", "#.#.#", "#...#", "#####");
        AssertSameGeometries(polygons,
            "POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0), (1 1, 4 1, 4 4, 1 4, 1 1))",
            "POLYGON ((2 2, 3 2, 3 3, 2 3, 2 2))");
    }

    [Fact]
    public void Vectorize_HoleInIslandInHole_ThreeLevelsNested()
    {
        var polygons = Vectorize(
            "#######",
            "#.....#",
            "#.###.#",
            "#.#.#.#",
            "#.###.#",
            "#.....#",
            "#######");
        AssertSameGeometries(polygons,
            "POLYGON ((0 0, 7 0, 7 7, 0 7, 0 0), (1 1, 6 1, 6 6, 1 6, 1 1))",
            "POLYGON ((2 2, 5 2, 5 5, 2 5, 2 2), (3 3, 4 3, 4 4, 3 4, 3 3))");
    }

    [Fact]
    public void Vectorize_DiagonalPixels_TwoPolygonsWithFourConnectivity()
    {
        var polygons = Vectorize("#.", ".#");
        AssertSameGeometries(polygons, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))");
    }

    [Fact]
    public void Vectorize_HoleTouchingShellAtCorner_ValidPolygonTouchingAtOnePoint()
    {
        var polygons = Vectorize("###", "#.#", "##.");
        AssertSameGeometries(polygons, "POLYGON ((0 0, 3 0, 3 2, 2 2, 2 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))");
    }

    [Fact]
    public void Vectorize_TwoHolesTouchingAtCorner_OnePolygonWithTwoHoles()
    {
        var polygons = Vectorize("####", "#.##", "##.#", "####");
        AssertSameGeometries(polygons,
            "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1), (2 2, 3 2, 3 3, 2 3, 2 2))");
    }

    [Fact]
    public void Vectorize_Checkerboard_OnePolygonPerPixel()
    {
        var polygons = Vectorize("#.#.", ".#.#", "#.#.", ".#.#");
        Assert.Equal(8, polygons.Count);
        Assert.All(polygons, p => Assert.Equal(1.0, p.Area));
    }

    [Fact]
    public void VectorizeRegions_CheckerboardEightConnected_OneMultiPolygon()
    {
        var regions = Regions(PixelConnectivity.Eight, "#.#.", ".#.#", "#.#.", ".#.#");
        var region = Assert.Single(regions);
        var multi = Assert.IsType<MultiPolygon>(region);
        Assert.Equal(8, multi.NumGeometries);
    }

    [Fact]
    public void VectorizeRegions_CheckerboardFourConnected_EightPolygons()
    {
        var regions = Regions(PixelConnectivity.Four, "#.#.", ".#.#", "#.#.", ".#.#");
        Assert.Equal(8, regions.Count);
        Assert.All(regions, g => Assert.IsType<Polygon>(g));
    }

    [Fact]
    public void VectorizeRegions_ArmsTouchingDiagonallyEightConnected_MultiPolygonOfArms()
    {
        // GDAL writes this region as one polygon whose hole touches the shell at four points (GDAL issue 7369),
        // which is invalid; the same point set as a valid geometry is the four arms.
        var regions = Regions(PixelConnectivity.Eight, ".##.", "#..#", "#..#", ".##.");
        var region = Assert.Single(regions);
        AssertSameGeometry(
            "MULTIPOLYGON (((1 0, 3 0, 3 1, 1 1, 1 0)), ((0 1, 1 1, 1 3, 0 3, 0 1)), ((3 1, 4 1, 4 3, 3 3, 3 1)), ((1 3, 3 3, 3 4, 1 4, 1 3)))",
            region);
    }

    [Fact]
    public void VectorizeRegions_SeparateBlobsEightConnected_OnePolygonEach()
    {
        var regions = Regions(PixelConnectivity.Eight, "##..", "##..", "....", "..##");
        Assert.Equal(2, regions.Count);
        Assert.All(regions, g => Assert.IsType<Polygon>(g));
    }

    [Fact]
    public void VectorizeRegions_RingClosedDiagonallyEightConnected_PolygonWithTouchingHole()
    {
        var regions = Regions(PixelConnectivity.Eight, "###", "#.#", "##.", "...", "...");
        var region = Assert.Single(regions);
        AssertSameGeometry("POLYGON ((0 0, 3 0, 3 2, 2 2, 2 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))", region);
    }

    [Fact]
    public void Vectorize_HorizontalLine_OneThinRectangle()
    {
        AssertSameGeometries(Vectorize(".....", "#####", "....."), "POLYGON ((0 1, 5 1, 5 2, 0 2, 0 1))");
    }

    [Fact]
    public void Vectorize_VerticalLine_OneThinRectangle()
    {
        AssertSameGeometries(Vectorize(".#.", ".#.", ".#.", ".#."), "POLYGON ((1 0, 2 0, 2 4, 1 4, 1 0))");
    }

    [Fact]
    public void Vectorize_DiagonalLine_OnePolygonPerPixel()
    {
        Assert.Equal(4, Vectorize("#...", ".#..", "..#.", "...#").Count);
    }

    [Fact]
    public void Vectorize_StaircaseLine_OnePolygon()
    {
        AssertSameGeometries(Vectorize("##.", ".##"), "POLYGON ((0 0, 2 0, 2 1, 3 1, 3 2, 1 2, 1 1, 0 1, 0 0))");
    }

    [Fact]
    public void Vectorize_FullMask_OneRectangle()
    {
        AssertSameGeometries(Vectorize("####", "####", "####"), "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0))");
    }

    [Fact]
    public void Vectorize_FrameTouchingEveryBorder_PolygonWithHole()
    {
        AssertSameGeometries(Vectorize("####", "#..#", "#..#", "####"),
            "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 3 1, 3 3, 1 3, 1 1))");
    }

    [Fact]
    public void Vectorize_CornerPixels_FourSquaresAtRasterCorners()
    {
        var polygons = Vectorize("#..#", "....", "#..#");
        AssertSameGeometries(polygons,
            "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((3 0, 4 0, 4 1, 3 1, 3 0))",
            "POLYGON ((0 2, 1 2, 1 3, 0 3, 0 2))", "POLYGON ((3 2, 4 2, 4 3, 3 3, 3 2))");
    }

    [Fact]
    public void Vectorize_EmptyMask_NoPolygons()
    {
        Assert.Empty(Vectorize("....", "...."));
    }

    [Fact]
    public void Vectorize_ZeroSizedMask_NoPolygons()
    {
        Assert.Empty(MaskVectorizer.Vectorize([], 0, 0));
    }

    [Fact]
    public void Vectorize_AnyNonZeroValue_IsInside()
    {
        byte[] mask = [1, 7, 255, 0];
        var polygon = Assert.Single(MaskVectorizer.Vectorize(mask, 4, 1));
        AssertSameGeometry("POLYGON ((0 0, 3 0, 3 1, 0 1, 0 0))", polygon);
    }

    [Fact]
    public void Vectorize_Output_ShellClockwiseHolesCounterClockwise()
    {
        var polygon = Assert.Single(Vectorize("###", "#.#", "###"));
        Assert.False(Orientation.IsCCW(polygon.Shell.CoordinateSequence));
        Assert.True(Orientation.IsCCW(polygon.Holes[0].CoordinateSequence));
    }

    [Fact]
    public void Vectorize_Regions_OrderedByFirstPixel()
    {
        var polygons = Vectorize("..#", "#..", "..#");
        Assert.Equal([2.0, 0.0, 2.0], polygons.Select(p => p.EnvelopeInternal.MinX));
        Assert.Equal([0.0, 1.0, 2.0], polygons.Select(p => p.EnvelopeInternal.MinY));
    }

    [Fact]
    public void Vectorize_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => MaskVectorizer.Vectorize(new byte[5], 2, 3));
    }

    [Fact]
    public void VectorizeRegions_UnknownConnectivity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MaskVectorizer.VectorizeRegions(new byte[4], 2, 2, (PixelConnectivity)6));
    }
}
