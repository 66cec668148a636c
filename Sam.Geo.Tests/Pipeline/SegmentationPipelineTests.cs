using NetTopologySuite.Geometries;
using Sam.Geo.Caching;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using Sam.Geo.Tests.Fixtures.Onnx;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Tests.Pipeline;

/// <summary>The library API a plugin host uses, without the CLI.</summary>
public sealed class SegmentationPipelineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Segment_ManyBoxesInOneTile_EncodeOnceThenHitTheCache()
    {
        using var source = RasterSource.Open(SampleData.Raster("rgb-utm"));
        using var model = SamModel.Load(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box));
        var cache = new EmbeddingCache(_dir.File("cache"));
        var pipeline = new SegmentationPipeline(model, cache, new SegmentationOptions { SimplifyPixels = 0 });
        // three boxes well inside tile r0c0, in the raster's CRS (UTM): x = 499500 + col/2, y = 4983325 - row/2
        var boxes = new[] { (300, 300, 400, 380), (500, 450, 560, 600), (250, 600, 420, 700) };
        var objects = boxes.Select((b, i) => new PromptObject($"b{i}", [],
            new PromptBox(499500 + b.Item1 / 2.0, 4983325 - b.Item4 / 2.0, 499500 + b.Item3 / 2.0, 4983325 - b.Item2 / 2.0))).ToList();

        var results = pipeline.Segment(source, objects, null);

        Assert.Equal(3, results.Count);
        Assert.Equal([false, true, true], results.Select(r => r.EmbeddingFromCache));
        Assert.Equal(1, cache.Stats.Entries);
        for (int i = 0; i < 3; i++)
        {
            var (c0, r0, c1, r1) = boxes[i];
            var expected = new Envelope(499500 + c0 / 2.0, 499500 + c1 / 2.0, 4983325 - r1 / 2.0, 4983325 - r0 / 2.0);
            Assert.Equal(expected, results[i].Feature.Geometry.EnvelopeInternal);
            Assert.Equal(expected.Area, (double)results[i].Feature.Attributes["area_m2"], 2);
            Assert.Equal("r0c0", results[i].Feature.Attributes["tile"]);
            Assert.Equal((long)(i + 1), results[i].Feature.Attributes["id"]);
        }
    }

    [Fact]
    public void Segment_PromptsInAnotherCrs_LandWhereTheyWereMade()
    {
        using var source = RasterSource.Open(SampleData.Raster("rgb-utm"));
        using var model = SamModel.Load(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box));
        var pipeline = new SegmentationPipeline(model, null, new SegmentationOptions { SimplifyPixels = 0 });
        using var wgs84 = SpatialReference.Wgs84();
        using var toLonLat = new CoordinateTransform(source.Crs, wgs84);
        var (lon0, lat0) = toLonLat.Transform(499800, 4983000);
        var (lon1, lat1) = toLonLat.Transform(499850, 4983040);

        var result = Assert.Single(pipeline.Segment(source, [new PromptObject("x", [], new PromptBox(lon0, lat0, lon1, lat1))], wgs84));

        // the envelope of the densified lon/lat box in UTM: within a pixel of the UTM box near the central meridian
        var env = result.Feature.Geometry.EnvelopeInternal;
        Assert.Equal(499800, env.MinX, 0.5);
        Assert.Equal(499850, env.MaxX, 0.5);
        Assert.Equal(4983000, env.MinY, 0.5);
        Assert.Equal(4983040, env.MaxY, 0.5);
    }

    [Fact]
    public void Segment_SkipOutside_WarnsAndKeepsTheOthers()
    {
        using var source = RasterSource.Open(SampleData.Raster("rgb-utm"));
        using var model = SamModel.Load(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box));
        var warnings = new List<string>();
        var pipeline = new SegmentationPipeline(model, null, new SegmentationOptions { SkipOutside = true });
        var results = pipeline.Segment(source, [
            new PromptObject("outside", [new PromptPoint(600000, 4983000, true)], null),
            new PromptObject("inside", [], new PromptBox(499800, 4983000, 499850, 4983040)),
        ], null, warnings.Add);
        Assert.Equal("inside", Assert.Single(results).Feature.Attributes["object"]);
        Assert.Contains(warnings, w => w.Contains("object outside") && w.Contains("skipped"));
    }
}

public sealed class SegmentationConnectivityTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Two bright squares touching at one corner on a dark background; returns the raster path.</summary>
    private string CornerTouchingSquares()
    {
        string path = _dir.File("corner.tif");
        using var crs = SpatialReference.FromEpsg(32632);
        using var r = GeoRaster.Create(path, 200, 200, 3, RasterDataType.Byte, new GeoTransform(500000, 1, 0, 4983000, 0, -1), crs);
        var pixels = new byte[200 * 200];
        for (int y = 0; y < 200; y++)
            for (int x = 0; x < 200; x++)
                pixels[y * 200 + x] = (x is >= 40 and < 80 && y is >= 40 and < 80) || (x is >= 80 and < 110 && y is >= 80 and < 110) ? (byte)220 : (byte)40;
        for (int b = 1; b <= 3; b++) r.Write<byte>(b, r.FullWindow, pixels);
        return path;
    }

    [Theory]
    [InlineData(PixelConnectivity.Four, 1600.0)]           // the clicked 40x40 square only
    [InlineData(PixelConnectivity.Eight, 1600.0 + 900.0)]   // both squares: one corner-joined part
    public void Segment_LargestOnly_JudgesPartsByConnectivity(PixelConnectivity connectivity, double expectedArea)
    {
        using var source = RasterSource.Open(CornerTouchingSquares());
        using var model = SamModel.Load(TestModels.Get(TestEncoder.Nchw, TestDecoder.RegionWide));
        var pipeline = new SegmentationPipeline(model, null,
            new SegmentationOptions { SimplifyPixels = 0, LargestOnly = true, Connectivity = connectivity });
        var result = Assert.Single(pipeline.Segment(source, [new PromptObject("a", [new PromptPoint(500060, 4982940, true)], null)], null));
        Assert.Equal(expectedArea, result.Feature.Geometry.Area, 1e-6);
        Assert.True(result.Feature.Geometry.IsValid);
    }
}
