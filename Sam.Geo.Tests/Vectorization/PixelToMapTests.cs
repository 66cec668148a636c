using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Sam.Geo.Raster;
using Sam.Geo.Vectorization;
using static Sam.Geo.Tests.Vectorization.MaskFixtures;

namespace Sam.Geo.Tests.Vectorization;

public class PixelToMapTests
{
    private static Polygon Ring() =>
        (Polygon)Wkt("POLYGON ((0 0, 0 3, 3 3, 3 0, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))");

    [Fact]
    public void Transform_NorthUp_MapCoordinatesAndNormalOrientation()
    {
        var northUp = new GeoTransform(500_000, 10, 0, 4_000_000, 0, -10);
        var mapped = (Polygon)PixelToMap.Transform(Ring(), northUp);
        AssertSameGeometry(
            "POLYGON ((500000 3999970, 500000 4000000, 500030 4000000, 500030 3999970, 500000 3999970), (500010 3999980, 500020 3999980, 500020 3999990, 500010 3999990, 500010 3999980))",
            mapped);
        Assert.False(Orientation.IsCCW(mapped.Shell.CoordinateSequence));
        Assert.True(Orientation.IsCCW(mapped.Holes[0].CoordinateSequence));
        Assert.True(mapped.IsValid);
        Assert.Equal(800, mapped.Area, 6);
    }

    [Fact]
    public void Transform_PositiveDeterminant_OrientationKept()
    {
        var southUp = new GeoTransform(0, 2, 0, 0, 0, 2);
        var mapped = (Polygon)PixelToMap.Transform(Ring(), southUp);
        Assert.False(Orientation.IsCCW(mapped.Shell.CoordinateSequence));
        Assert.True(Orientation.IsCCW(mapped.Holes[0].CoordinateSequence));
        Assert.Equal(32, mapped.Area, 9);
    }

    [Fact]
    public void Transform_Rotated_MatchesGeoTransformPerVertex()
    {
        var rotated = new GeoTransform(100, 0.8, 0.6, 200, 0.6, -0.8);
        Polygon pixel = Ring();
        var mapped = (Polygon)PixelToMap.Transform(pixel, rotated);
        foreach (Coordinate c in pixel.Coordinates)
        {
            var (x, y) = rotated.PixelToMap(c.X, c.Y);
            Assert.Contains(mapped.Coordinates, m => Math.Abs(m.X - x) < 1e-9 && Math.Abs(m.Y - y) < 1e-9);
        }

        Assert.False(Orientation.IsCCW(mapped.Shell.CoordinateSequence));
        Assert.Equal(8, mapped.Area, 9);
    }

    [Fact]
    public void Transform_InputGeometry_NotModified()
    {
        Polygon pixel = Ring();
        PixelToMap.Transform(pixel, new GeoTransform(5, 1, 0, 5, 0, -1));
        AssertSameGeometry("POLYGON ((0 0, 0 3, 3 3, 3 0, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))", pixel);
    }

    [Fact]
    public void Transform_DegenerateTransform_Throws()
    {
        Assert.Throws<ArgumentException>(() => PixelToMap.Transform(Ring(), new GeoTransform(0, 1, 1, 0, 1, 1)));
    }

    [Fact]
    public void Transform_PolygonList_EachTransformed()
    {
        var (mask, w, h) = Parse("#.#");
        var mapped = PixelToMap.Transform(MaskVectorizer.Vectorize(mask, w, h), new GeoTransform(10, 1, 0, 20, 0, -1));
        Assert.Equal([10.0, 12.0], mapped.Select(p => p.EnvelopeInternal.MinX));
        Assert.All(mapped, p => Assert.Equal(19.0, p.EnvelopeInternal.MinY));
    }
}
