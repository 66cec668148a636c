using NetTopologySuite.Geometries;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Export;
using Sam.Geo.Interop;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using Sam.Geo.Tests.Fixtures.Onnx;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Tests.Pipeline;

/// <summary>
/// <c>samgeo segment</c> end to end on the committed sample rasters with the test models: prompts in
/// EPSG:4326, polygons back through GDAL/OGR, compared with the ground truth in pixel space.
/// </summary>
public sealed class SegmentEndToEndTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // Objects that stand out from their surroundings, one per sample raster (ids from the truth files).
    public static TheoryData<string, int, string> BoxCases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var ext in new[] { ".geojson", ".shp", ".gpkg", ".tif" })
        {
            data.Add("rgb-utm", 35, ext);
            data.Add("rotated", 6, ext);
            data.Add("wgs84", 2, ext);
            data.Add("multispectral-uint16", 4, ext);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BoxCases))]
    public void Segment_BoxInWgs84AroundObject_MatchesTruthInEveryFormat(string sample, int id, string extension)
    {
        var truth = SampleData.Truth(sample).Single(o => o.Id == id);
        string output = _dir.File("out" + extension);
        var result = CliRunner.Run(["segment", SampleData.Raster(sample), "--model", TestModels.Get(TestEncoder.Nchw, TestDecoder.BoxRegion),
            "--box", LonLatBox(truth.LonLat, 0.15), "--prompt-crs", "EPSG:4326", "--cache", _dir.File("cache"),
            "--simplify", "0", "-o", output]);
        Assert.True(result.ExitCode == 0, result.Error);

        using var raster = GeoRaster.Open(SampleData.Raster(sample));
        var pixelGeometry = extension == ".tif" ? MaskPolygons(output, raster) : ReadBackAsPixels(output, raster, expectedEpsg: extension == ".geojson" ? 4326 : raster.Crs!.EpsgCode!.Value);
        double iou = SampleData.IoU(pixelGeometry, truth.Pixel);
        Assert.True(iou >= 0.98, $"IoU {iou:0.0000} against truth object {id} of {sample}");
    }

    [Fact]
    public void Segment_FieldWithTrees_KeepsTheTreesAsHoles()
    {
        var field = SampleData.Truth("rgb-utm").First(o => o.Class == "field" && ((Polygon)Single(o.Pixel)).NumInteriorRings > 0);
        var truthHoles = ((Polygon)Single(field.Pixel)).InteriorRings.Select(r => r.Factory.CreatePolygon(r.Coordinates).Centroid).ToList();
        string output = _dir.File("field.gpkg");
        var result = CliRunner.Run(["segment", SampleData.Raster("rgb-utm"), "--model", TestModels.Get(TestEncoder.Nchw, TestDecoder.BoxRegion),
            "--box", LonLatBox(field.LonLat, 0.0), "--prompt-crs", "EPSG:4326", "--no-cache", "--largest-only", "--max-hole-area", "20px", "-o", output]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var raster = GeoRaster.Open(SampleData.Raster("rgb-utm"));
        var polygon = (Polygon)Single(ReadBackAsPixels(output, raster, raster.Crs!.EpsgCode!.Value));
        Assert.True(polygon.NumInteriorRings >= truthHoles.Count);
        foreach (var hole in truthHoles) Assert.False(polygon.Contains(hole), $"tree at {hole} was filled in");
        Assert.True(SampleData.IoU(polygon, field.Pixel) >= 0.9);
    }

    [Fact]
    public void Segment_ObjectLargerThanTile_GoesThroughScaledWindow()
    {
        var field = SampleData.Truth("rgb-utm").Where(o => o.Class == "field").OrderByDescending(o => o.Pixel.EnvelopeInternal.Width).First();
        Assert.True(field.Pixel.EnvelopeInternal.Width > 1024);
        string output = _dir.File("field.geojson");
        var result = CliRunner.Run(["segment", SampleData.Raster("rgb-utm"), "--model", TestModels.Get(TestEncoder.Nchw, TestDecoder.BoxRegion),
            "--box", LonLatBox(field.LonLat, 0.02), "--prompt-crs", "EPSG:4326", "--no-cache", "--max-hole-area", "40px", "-o", output]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var file = OgrVectorFile.TryOpen(output)!;
        var feature = file.Layer(0).Features().Single();
        Assert.StartsWith("window:", (string)feature.Attributes["tile"]!);
        using var raster = GeoRaster.Open(SampleData.Raster("rgb-utm"));
        double iou = SampleData.IoU(ReadBackAsPixels(output, raster, 4326), field.Pixel);
        Assert.True(iou >= 0.95, $"IoU {iou:0.0000}");
    }

    [Fact]
    public void Segment_PointWithRegionDecoder_FindsItsObject()
    {
        var building = SampleData.Truth("rgb-utm").Single(o => o.Id == 35);
        var inside = building.LonLat.InteriorPoint;
        string output = _dir.File("point.geojson");
        var result = CliRunner.Run(["segment", SampleData.Raster("rgb-utm"), "--model", TestModels.Get(TestEncoder.Nchw, TestDecoder.RegionWide),
            "--point", FormattableString.Invariant($"{inside.X},{inside.Y}"), "--prompt-crs", "EPSG:4326", "--no-cache", "--largest-only", "-o", output]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var raster = GeoRaster.Open(SampleData.Raster("rgb-utm"));
        double iou = SampleData.IoU(ReadBackAsPixels(output, raster, 4326), building.Pixel);
        Assert.True(iou >= 0.95, $"IoU {iou:0.0000}");
    }

    [Fact]
    public void Segment_Preview_FramesTheObjectWithItsOutline()
    {
        var building = SampleData.Truth("rgb-utm").Single(o => o.Id == 35);
        string preview = _dir.File("preview.png");
        var result = CliRunner.Run(["segment", SampleData.Raster("rgb-utm"), "--model", TestModels.Get(TestEncoder.Nchw, TestDecoder.BoxRegion),
            "--box", LonLatBox(building.LonLat, 0.1), "--prompt-crs", "EPSG:4326", "--no-cache", "-o", _dir.File("b.geojson"), "--preview", preview]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var png = GeoRaster.Open(preview);
        Assert.Equal("PNG", png.DriverName);
        var env = building.Pixel.EnvelopeInternal;
        // the object with a margin on each side, not a whole tile
        Assert.InRange(png.Width, env.Width + 100, env.Width * 2 + 140);
        var red = new byte[png.Width * png.Height];
        var blue = new byte[red.Length];
        png.Read<byte>(1, png.FullWindow, red);
        png.Read<byte>(3, png.FullWindow, blue);
        Assert.Contains(Enumerable.Range(0, red.Length), i => red[i] == 255 && blue[i] == 0); // the yellow outline
    }

    internal static string LonLatBox(Geometry lonLat, double growFraction)
    {
        var e = lonLat.EnvelopeInternal;
        double gx = e.Width * growFraction, gy = e.Height * growFraction;
        return FormattableString.Invariant($"{e.MinX - gx},{e.MinY - gy},{e.MaxX + gx},{e.MaxY + gy}");
    }

    private static Geometry Single(Geometry g) => Assert.Single(Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN));

    /// <summary>Reads the single feature of a vector output through OGR and maps it to the raster's pixels.</summary>
    internal static Geometry ReadBackAsPixels(string path, GeoRaster raster, int expectedEpsg)
    {
        using var file = OgrVectorFile.TryOpen(path) ?? throw new InvalidOperationException($"OGR cannot open {path}");
        var layer = file.Layer(0);
        using var crs = layer.CloneCrs()!;
        Assert.Equal(expectedEpsg, crs.EpsgCode);
        var feature = Assert.Single(layer.Features());
        var mapGeometry = GeometryReprojector.Reproject(feature.Geometry!, crs, raster.Crs!);
        return PixelToMap.Transform(mapGeometry, raster.GeoTransform.Invert());
    }

    /// <summary>The mask GeoTIFF's set pixels as polygons in pixel space (same grid as the raster).</summary>
    private static Geometry MaskPolygons(string path, GeoRaster source)
    {
        using var mask = GeoRaster.Open(path);
        Assert.Equal((source.Width, source.Height), (mask.Width, mask.Height));
        Assert.Equal(source.GeoTransform, mask.GeoTransform);
        Assert.True(mask.Crs!.IsSame(source.Crs!));
        var values = new byte[mask.Width * mask.Height];
        mask.Read<byte>(1, mask.FullWindow, values);
        Assert.Contains((byte)255, values);
        var polygons = MaskVectorizer.Vectorize(values, mask.Width, mask.Height);
        return GeometryFactory.Default.CreateMultiPolygon(polygons.ToArray());
    }
}
