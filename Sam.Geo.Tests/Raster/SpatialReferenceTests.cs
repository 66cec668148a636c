using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Raster;

public sealed class SpatialReferenceTests
{
    [Fact]
    public void Transform_Lon9Lat45_ToUtm32N_KnownCoordinates()
    {
        using var wgs = SpatialReference.Wgs84();
        using var utm = SpatialReference.Parse("EPSG:32632");
        using var ct = new CoordinateTransform(wgs, utm);
        var (x, y) = ct.Transform(9, 45);
        Assert.Equal(500000, x, 0.01);
        Assert.Equal(4982950.40, y, 0.01);
    }

    [Theory]
    [InlineData("+proj=utm +zone=32 +datum=WGS84 +units=m +no_defs")]
    [InlineData("EPSG:32632")]
    public void Parse_ProjOrEpsg_TransformsTheSame(string definition)
    {
        using var wgs = SpatialReference.Wgs84();
        using var target = SpatialReference.Parse(definition);
        using var ct = new CoordinateTransform(wgs, target);
        Assert.Equal(500000, ct.Transform(9, 45).X, 0.01);
    }

    [Fact]
    public void Parse_Wkt_RoundTripsWithEpsg()
    {
        using var a = SpatialReference.FromEpsg(3857);
        using var b = SpatialReference.Parse(a.Wkt);
        Assert.True(a.IsSame(b));
        Assert.Equal(3857, b.EpsgCode);
        Assert.True(b.IsProjected);
    }

    [Fact]
    public void Parse_Unknown_NamesTheString()
    {
        var ex = Assert.Throws<SamGeoInputException>(() => SpatialReference.Parse("EPSG:999999"));
        Assert.StartsWith("unknown CRS 'EPSG:999999'", ex.Message);
        Assert.Throws<SamGeoInputException>(() => SpatialReference.Parse("not a crs"));
    }

    [Fact]
    public void TransformBox_LonLatBox_IsEnvelopeOfDensifiedEdges()
    {
        using var wgs = SpatialReference.Wgs84();
        using var utm = SpatialReference.FromEpsg(32632);
        using var ct = new CoordinateTransform(wgs, utm);
        var box = ct.TransformBox(8, 45, 10, 46);
        // In UTM a parallel dips south at the central meridian: the bottom edge's lowest northing is at
        // lon 9, which the box corners alone would miss.
        var (_, bottomCorner) = ct.Transform(8, 45);
        var (_, bottomMid) = ct.Transform(9, 45);
        Assert.True(bottomMid < bottomCorner - 1);
        Assert.Equal(bottomMid, box.MinY, 1e-6);
        var (leftBottom, _) = ct.Transform(8, 45);
        Assert.Equal(leftBottom, box.MinX, 1e-6);
    }
}
