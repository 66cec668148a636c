using NetTopologySuite.Features;
using NetTopologySuite.IO;
using Sam.Geo.Export;
using Sam.Geo.Interop;
using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Prompts;

public sealed class PromptFileReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly FeatureSchema PromptSchema = new(new FieldDefinition("label", FieldType.Integer), new FieldDefinition("object", FieldType.String));

    /// <summary>Writes (WKT, label, object) prompts in EPSG:32632 through our OGR sink.</summary>
    private string WriteOgr(string fileName, int ogrGeometryType, params (string Wkt, long? Label, string? Object)[] prompts)
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var sink = FeatureSinks.CreateWithLayerType(_dir.File(fileName), PromptSchema, utm, new FeatureSinkOptions(), ogrGeometryType);
        var wkt = new WKTReader();
        foreach (var (g, label, obj) in prompts)
            sink.Write(new Feature(wkt.Read(g), new AttributesTable { { "label", label }, { "object", obj } }));
        sink.Commit();
        return sink.Path;
    }

    private string WriteGeoJson(string features)
    {
        string path = _dir.File("prompts.geojson");
        File.WriteAllText(path, $$"""{"type": "FeatureCollection", "features": [{{features}}]}""");
        return path;
    }

    private static string Point(double x, double y, string properties = "") =>
        $$$"""{"type": "Feature", "properties": { {{{properties}}} }, "geometry": {"type": "Point", "coordinates": [{{{x}}}, {{{y}}}]}}""";

    private static string Geometry(string type, string coordinates, string properties = "") =>
        $$$"""{"type": "Feature", "properties": { {{{properties}}} }, "geometry": {"type": "{{{type}}}", "coordinates": {{{coordinates}}} }}""";

    [Fact]
    public void Read_GeoJsonWithoutCrs_Wgs84ObjectsGroupedAndLabelled()
    {
        string path = WriteGeoJson(string.Join(",",
            Point(9.001, 45.001),
            Point(9.002, 45.002, "\"object\": 7, \"label\": 1"),
            Point(9.003, 45.003, "\"object\": 7, \"label\": 0"),
            Geometry("Polygon", "[[[9.01, 45.01], [9.02, 45.01], [9.02, 45.03], [9.01, 45.01]]]", "\"object\": 7")));
        using var prompts = PromptFileReader.Read(path);
        Assert.Equal(4326, prompts.Crs.EpsgCode);
        Assert.Equal(2, prompts.Objects.Count);
        var single = prompts.Objects[0];
        Assert.Equal([new PromptPoint(9.001, 45.001, true)], single.Points);
        Assert.Null(single.Box);
        var grouped = prompts.Objects[1];
        Assert.Equal("7", grouped.Id);
        Assert.Equal([new PromptPoint(9.002, 45.002, true), new PromptPoint(9.003, 45.003, false)], grouped.Points);
        Assert.Equal(new PromptBox(9.01, 45.01, 9.02, 45.03), grouped.Box);
    }

    [Fact]
    public void Read_GeoPackage_Utm32632PointAndMultiPolygonBox()
    {
        string path = WriteOgr("prompts.gpkg", GdalNative.wkbUnknown,
            ("POINT (500010 4982960)", 1, "house"),
            ("MULTIPOLYGON (((500000 4982950, 500020 4982950, 500020 4982970, 500000 4982950)), ((500030 4982980, 500040 4982980, 500040 4982990, 500030 4982980)))", null, "house"),
            ("POINT (500100 4983000)", null, null));
        using var prompts = PromptFileReader.Read(path);
        Assert.Equal(32632, prompts.Crs.EpsgCode);
        Assert.Equal("prompts", prompts.LayerName);
        Assert.Equal(2, prompts.Objects.Count);
        Assert.Equal(new PromptObject("house", prompts.Objects[0].Points, new PromptBox(500000, 4982950, 500040, 4982990)), prompts.Objects[0]);
        Assert.Equal([new PromptPoint(500010, 4982960, true)], prompts.Objects[0].Points);
        Assert.Equal("feature-3", prompts.Objects[1].Id);
    }

    [Fact]
    public void Read_Shapefile_PrjCrsAndMissingLabelIsForeground()
    {
        string path = WriteOgr("prompts.shp", GdalNative.wkbPoint,
            ("POINT (500010 4982960)", null, "a"),
            ("POINT (500011 4982961)", 0, "a"),
            ("POINT (500012 4982962)", 1, null));
        using var prompts = PromptFileReader.Read(path);
        Assert.Equal(32632, prompts.Crs.EpsgCode);
        Assert.Equal(2, prompts.Objects.Count);
        Assert.Equal([true, false], prompts.Objects[0].Points.Select(p => p.Foreground));
        Assert.Equal(500012, prompts.Objects[1].Points.Single().X);
    }

    [Fact]
    public void Read_LabelTwo_ErrorNamesFileAndFeature()
    {
        string path = WriteGeoJson(string.Join(",", Point(9, 45), Point(9, 45, "\"label\": 2")));
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path));
        Assert.Contains($"{path}, feature 1", e.Message);
        Assert.Contains("'2'", e.Message);
    }

    [Fact]
    public void Read_LineString_ErrorNamesGeometryAndFeature()
    {
        string path = WriteGeoJson(Geometry("LineString", "[[9, 45], [9.1, 45.1]]"));
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path));
        Assert.Contains($"{path}, feature 0", e.Message);
        Assert.Contains("LineString", e.Message);
    }

    [Fact]
    public void Read_TwoBoxesForOneObject_Error()
    {
        string box = "[[[9, 45], [9.1, 45], [9.1, 45.1], [9, 45]]]";
        string path = WriteGeoJson(string.Join(",", Geometry("Polygon", box, "\"object\": \"x\""), Geometry("Polygon", box, "\"object\": \"x\"")));
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path));
        Assert.Contains("feature 1", e.Message);
        Assert.Contains("one box per object", e.Message);
    }

    [Fact]
    public void Read_BackgroundPointAlone_Error()
    {
        string path = WriteGeoJson(string.Join(",", Point(9, 45), Point(9.1, 45, "\"label\": 0")));
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path));
        Assert.Contains("feature 1", e.Message);
        Assert.Contains("only background", e.Message);
    }

    [Fact]
    public void Read_BackgroundBox_Error()
    {
        string path = WriteGeoJson(Geometry("Polygon", "[[[9, 45], [9.1, 45], [9.1, 45.1], [9, 45]]]", "\"label\": 0"));
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path));
        Assert.Contains("feature 0", e.Message);
    }

    [Fact]
    public void Read_UnreadableFile_ErrorNamesIt()
    {
        string path = _dir.File("junk.geojson");
        File.WriteAllText(path, "this is not json");
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Read_MissingFile_ErrorNamesIt()
    {
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(_dir.File("none.gpkg")));
        Assert.Contains("none.gpkg", e.Message);
    }

    [Fact]
    public void Read_GeoPackageWithoutTables_ErrorNamesIt()
    {
        string path = _dir.File("empty.gpkg");
        GdalNative.Initialize();
        nint ds = GdalNative.GDALCreate(GdalNative.GDALGetDriverByName("GPKG"), path, 0, 0, 0, 0, 0);
        Assert.NotEqual(0, ds);
        GdalNative.GDALClose(ds);
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path));
        Assert.Contains("without layers", e.Message); // GDAL 3.6 will not open a table-less GeoPackage read-only
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Read_KmlWithoutPlacemarks_NoLayerError()
    {
        string path = _dir.File("empty.kml");
        File.WriteAllText(path, "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document></Document></kml>");
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path));
        Assert.Equal($"prompt file has no layer: {path}", e.Message);
    }

    [Fact]
    public void Read_UnknownLayerName_ErrorListsLayers()
    {
        string path = WriteOgr("p.gpkg", GdalNative.wkbPoint, ("POINT (500010 4982960)", 1, null));
        var e = Assert.Throws<SamGeoInputException>(() => PromptFileReader.Read(path, layerName: "boxes"));
        Assert.Contains("'boxes'", e.Message);
        Assert.Contains("layers: p", e.Message);
    }
}
