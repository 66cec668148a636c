using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Tests.Vectorization;

public sealed class PolygonRasterizerTests
{
    private static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    [Fact]
    public void ToMask_IntegerBox_CoversExactlyItsPixels()
    {
        var mask = PolygonRasterizer.ToMask(Wkt("POLYGON ((1 2, 4 2, 4 5, 1 5, 1 2))"), 6, 7);
        for (int row = 0; row < 7; row++)
            for (int col = 0; col < 6; col++)
                Assert.Equal(col is >= 1 and < 4 && row is >= 2 and < 5 ? 1 : 0, mask[row * 6 + col]);
    }

    [Fact]
    public void ToMask_CentreOnEdge_LeftEdgeInsideRightEdgeOutside()
    {
        var mask = PolygonRasterizer.ToMask(Wkt("POLYGON ((0.5 0, 2.5 0, 2.5 1, 0.5 1, 0.5 0))"), 4, 1);
        Assert.Equal(new byte[] { 1, 1, 0, 0 }, mask);
    }

    [Fact]
    public void ToMask_PolygonWithHole_LeavesTheHoleOut()
    {
        var mask = PolygonRasterizer.ToMask(Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))"), 10, 10);
        Assert.Equal(100 - 16, mask.Sum(m => m));
        Assert.Equal(0, mask[5 * 10 + 5]);
    }

    [Fact]
    public void ToMask_ClipsToTheRaster()
    {
        var mask = PolygonRasterizer.ToMask(Wkt("POLYGON ((-5 -5, 3 -5, 3 2, -5 2, -5 -5))"), 4, 4);
        Assert.Equal(6, mask.Sum(m => m));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ToMask_CurvedAndRotatedShapes_AgreeWithPointInPolygonAtPixelCentres(int seed)
    {
        var shapes = new Geometry[]
        {
            Shapes.Blob(40.3, 35.7, 30, 22, seed),
            Shapes.Rectangle(40.1, 30.2, 50, 20, 17 * seed),
            Shapes.LShape(10.2, 12.7, 50, 40, 20, 15, -11 * seed),
            Shapes.Courtyard(5.5, 6.25, 60, 50, 12.3),
            Shapes.Roads(6, [(0, 10 * seed), (40, 40), (80, 45)], [(40, 0), (40, 80)]),
        };
        foreach (var shape in shapes)
        {
            var mask = PolygonRasterizer.ToMask(shape, 80, 70);
            var locator = new IndexedPointInAreaLocator(shape);
            for (int row = 0; row < 70; row++)
                for (int col = 0; col < 80; col++)
                {
                    var c = new Coordinate(col + 0.5, row + 0.5);
                    var where = locator.Locate(c);
                    if (where == Location.Boundary) continue;
                    Assert.True((where == Location.Interior) == (mask[row * 80 + col] == 1), $"{shape.GeometryType} seed {seed}: pixel ({col}, {row})");
                }
        }
    }
}
