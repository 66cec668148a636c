using NetTopologySuite.Geometries;
using Sam.Geo.Caching;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using Sam.Geo.Tests.Fixtures.Onnx;

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
