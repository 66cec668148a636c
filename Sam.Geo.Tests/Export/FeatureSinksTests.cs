using NetTopologySuite.Geometries;
using Sam.Geo.Export;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using static Sam.Geo.Tests.Export.ExportTestData;

namespace Sam.Geo.Tests.Export;

public sealed class FeatureSinksTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteAll(string fileName)
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var sink = FeatureSinks.Create(_dir.File(fileName), Schema(), utm);
        foreach (var f in Features()) sink.Write(f);
        Assert.Equal(2, sink.Count);
        sink.Commit();
        return sink.Path;
    }

    /// <summary>Back in UTM 32N whatever the file's CRS, for areas in m².</summary>
    private static Geometry InUtm(Geometry g, int? epsg)
    {
        if (epsg == 32632) return g;
        using var from = SpatialReference.FromEpsg(epsg!.Value);
        using var utm = SpatialReference.FromEpsg(32632);
        return GeometryReprojector.Reproject(g, from, utm);
    }

    [Theory]
    [InlineData("out.geojson", 4326)]
    [InlineData("out.shp", 32632)]
    [InlineData("out.gpkg", 32632)]
    public void Create_EachFormat_ReadsBackCrsCountAreasAndHole(string fileName, int expectedEpsg)
    {
        var (features, epsg, _) = ReadBack(WriteAll(fileName));
        Assert.Equal(expectedEpsg, epsg);
        Assert.Equal(2, features.Count);
        var polygon = InUtm(features[0].Geometry!, epsg);
        var multi = InUtm(features[1].Geometry!, epsg);
        // GeoJSON rounds to 1e-7 degree (about 1 cm), which moves areas by a few hundredths of a m²
        Assert.Equal(9600, polygon.Area, 9600 * 1e-4);
        Assert.Equal(5000, multi.Area, 5000 * 1e-4);
        var withHole = polygon is MultiPolygon mp ? (Polygon)mp.GetGeometryN(0) : (Polygon)polygon;
        Assert.Equal(1, withHole.NumInteriorRings);
        Assert.Equal(2, multi.NumGeometries);
    }

    [Theory]
    [InlineData("out.geojson")]
    [InlineData("out.shp")]
    [InlineData("out.gpkg")]
    public void Create_EachFormat_AttributesOfEachTypeRoundTrip(string fileName)
    {
        var (features, _, fields) = ReadBack(WriteAll(fileName));
        string stability = fields[3];
        Assert.Equal(7L, features[0].Attributes["id"]);
        Assert.Equal(0.875, (double)features[0].Attributes["score"]!, 1e-12);
        Assert.Equal("Forêt ✓", features[0].Attributes["name"]);
        Assert.Equal(0.5, (double)features[0].Attributes[stability]!, 1e-12);
        Assert.Equal(1234567890123L, features[1].Attributes["id"]);
        Assert.Equal(-2.25, (double)features[1].Attributes["score"]!, 1e-12);
        Assert.Null(features[1].Attributes[stability]);
    }

    [Fact]
    public void Create_Shapefile_WritesAllSidecarsWithUtf8CpgAndShortNames()
    {
        WriteAll("out.shp");
        Assert.Equal(["out.cpg", "out.dbf", "out.prj", "out.shp", "out.shx"], FilesIn(_dir.Path));
        Assert.Equal("UTF-8", File.ReadAllText(_dir.File("out.cpg")).Trim());
        Assert.Contains("UTM_Zone_32N", File.ReadAllText(_dir.File("out.prj")));
        Assert.Equal(["id", "score", "name", "stability_"], ReadBack(_dir.File("out.shp")).Fields);
    }

    [Fact]
    public void Create_GeoPackage_SrsIdIsEpsgCodeAndLayerIsMultiPolygon()
    {
        string path = WriteAll("parcels.gpkg");
        using var file = Interop.OgrVectorFile.TryOpen(path)!;
        var row = Assert.Single(file.ExecuteSql("SELECT table_name, srs_id, geometry_type_name FROM gpkg_geometry_columns"));
        Assert.Equal("parcels", row.Attributes["table_name"]);
        Assert.Equal(32632L, row.Attributes["srs_id"]);
        Assert.Equal("MULTIPOLYGON", row.Attributes["geometry_type_name"]);
        var srs = Assert.Single(file.ExecuteSql("SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = 32632"));
        Assert.Equal("EPSG", srs.Attributes["organization"]);
        Assert.Equal(32632L, srs.Attributes["organization_coordsys_id"]);
    }

    [Fact]
    public void Create_GeoPackageInManyBatches_WritesEveryFeature()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        var feature = Features()[0];
        using (var sink = FeatureSinks.Create(_dir.File("many.gpkg"), Schema(), utm, new FeatureSinkOptions { BatchSize = 7 }))
        {
            for (int i = 0; i < 50; i++) sink.Write(feature);
            sink.Commit();
        }
        Assert.Equal(50, ReadBack(_dir.File("many.gpkg")).Features.Count);
    }

    [Fact]
    public void Create_ShapefileWithTargetCrs_ReprojectsAndWritesThatPrj()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var wgs = SpatialReference.Wgs84();
        using (var sink = FeatureSinks.Create(_dir.File("ll.shp"), Schema(), utm, new FeatureSinkOptions { TargetCrs = wgs }))
        {
            sink.Write(Features()[0]);
            sink.Commit();
        }
        var (features, epsg, _) = ReadBack(_dir.File("ll.shp"));
        Assert.Equal(4326, epsg);
        var env = features[0].Geometry!.EnvelopeInternal;
        Assert.Equal(KnownLon, env.MinX, 1e-7);
        Assert.Equal(KnownLat, env.MinY, 1e-7);
    }

    [Fact]
    public void Write_AttributeNotInSchema_ThrowsNamingIt()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var sink = FeatureSinks.Create(_dir.File("x.geojson"), Schema(), utm);
        var f = Features()[0];
        f.Attributes.Add("colour", "red");
        var e = Assert.Throws<ArgumentException>(() => sink.Write(f));
        Assert.Contains("'colour'", e.Message);
    }

    [Fact]
    public void Write_LineStringToShapefile_ThrowsArgumentException()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var sink = FeatureSinks.Create(_dir.File("x.shp"), Schema(), utm);
        var line = new NetTopologySuite.IO.WKTReader().Read("LINESTRING (500000 4982950, 500010 4982960)");
        var e = Assert.Throws<ArgumentException>(() => sink.Write(new NetTopologySuite.Features.Feature(line, null)));
        Assert.Contains("LineString", e.Message);
    }

    [Fact]
    public void Create_Tif_RefusedListingVectorExtensions()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        var e = Assert.Throws<SamGeoInputException>(() => FeatureSinks.Create(_dir.File("x.tif"), Schema(), utm));
        Assert.Contains(".geojson, .json, .shp, .gpkg", e.Message);
        Assert.Empty(FilesIn(_dir.Path));
    }
}
