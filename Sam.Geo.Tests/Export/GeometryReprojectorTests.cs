using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Sam.Geo.Export;
using Sam.Geo.Raster;
using static Sam.Geo.Tests.Export.ExportTestData;

namespace Sam.Geo.Tests.Export;

public sealed class GeometryReprojectorTests
{
    [Fact]
    public void Reproject_UtmToWgs84_KnownPointAndInputUnchanged()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var wgs = SpatialReference.Wgs84();
        var polygon = new WKTReader().Read(PolygonWithHoleWkt);
        var ll = GeometryReprojector.Reproject(polygon, utm, wgs);
        Assert.Equal(KnownLon, ll.Coordinates[0].X, 1e-7); // 4982950.40 is the northing to 1 cm: 1e-7 degree
        Assert.Equal(KnownLat, ll.Coordinates[0].Y, 1e-7);
        Assert.Equal(KnownEasting, polygon.Coordinates[0].X);
        Assert.Equal(1, ((Polygon)ll).NumInteriorRings);
    }

    [Fact]
    public void Reproject_RoundTrip_PreservesAreaAndVertices()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var wgs = SpatialReference.Wgs84();
        var multi = new WKTReader().Read(MultiPolygonWkt);
        using var there = new GeometryReprojector(utm, wgs);
        using var back = new GeometryReprojector(wgs, utm);
        var roundTrip = back.Reproject(there.Reproject(multi));
        Assert.IsType<MultiPolygon>(roundTrip);
        Assert.Equal(multi.Area, roundTrip.Area, 1e-3);
        Assert.True(multi.EqualsExact(roundTrip, 1e-6));
    }

    [Fact]
    public void Reproject_OutsideProjectionDomain_ThrowsInputException()
    {
        using var wgs = SpatialReference.Wgs84();
        using var merc = SpatialReference.FromEpsg(3857);
        var pole = new Point(0, 95); // no such latitude
        Assert.Throws<SamGeoInputException>(() => GeometryReprojector.Reproject(pole, wgs, merc));
    }
}
