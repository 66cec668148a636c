using NetTopologySuite.Geometries;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Inference;
using Sam.Geo.Interop;
using Sam.Geo.Pipeline;
using Sam.Geo.Pipeline.Auto;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures.Onnx;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Tests.Pipeline;

/// <summary>Runs automatic segmentation with the region test decoder and checks results against scene truth.</summary>
internal static class AutoFixture
{
    public const int TileSize = 256;
    public const int Overlap = 32;

    /// <summary>The region decoder's logits peak at 0.05, so SAM's stability (offset 1) is 0: tests use offset 0.01.</summary>
    public static AutoSegmentationOptions Options { get; } = new()
    {
        PointsPerSide = 8,
        StabilityOffset = 0.01,
        StabilityThreshold = 0.5,
        SimplifyPixels = 0,
    };

    public static string ModelDirectory => TestModels.Get(TestEncoder.Nchw, TestDecoder.Region);

    public static AutoResult Run(string raster, string output, AutoSegmentationOptions? options = null, bool resume = false,
        Action<AutoProgress>? progress = null, CancellationToken cancellation = default, int tileSize = TileSize, int overlap = Overlap)
    {
        using var source = RasterSource.Open(raster, new RasterSourceOptions { TileSize = tileSize, Overlap = overlap });
        using var model = SamModel.Load(ModelDirectory);
        var segmenter = new AutoSegmenter(model, null, options ?? Options);
        return segmenter.Run(source, new AutoOutput(output) { Resume = resume }, progress, cancellation);
    }

    /// <summary>Features of a GeoPackage written on <paramref name="raster"/>'s CRS, in its pixel coordinates.</summary>
    public static List<(long Id, Geometry Pixel, IReadOnlyDictionary<string, object?> Attributes)> ReadPixelFeatures(string path, string raster)
    {
        using var grid = GeoRaster.Open(raster);
        var inverse = grid.GeoTransform.Invert();
        using var file = OgrVectorFile.TryOpen(path) ?? throw new InvalidOperationException($"OGR cannot open {path}");
        return file.Layer(0).Features()
            .Select(f => (Convert.ToInt64(f.Attributes["id"]), PixelToMap.Transform(f.Geometry!, inverse), f.Attributes))
            .ToList();
    }

    /// <summary>
    /// Every truth object of at least <paramref name="minAreaPixels"/> is covered by exactly one feature (no other
    /// feature holds more than 5% of it) with IoU ≥ 0.9.
    /// </summary>
    public static void AssertEachObjectFoundOnce(SampleRaster scene, IReadOnlyList<(long Id, Geometry Pixel, IReadOnlyDictionary<string, object?> Attributes)> features, double minAreaPixels)
    {
        int checkedObjects = 0;
        foreach (var o in scene.Objects.Where(o => o.Pixel.Area >= minAreaPixels))
        {
            var holding = features.Where(f => f.Pixel.EnvelopeInternal.Intersects(o.Pixel.EnvelopeInternal)
                && f.Pixel.Intersection(o.Pixel).Area > 0.05 * o.Pixel.Area).ToList();
            Assert.True(holding.Count == 1,
                $"object {o.Id} ({o.Class}, {o.Pixel.Area:0} px², bounds {o.Pixel.EnvelopeInternal}) is held by {holding.Count} features: {string.Join(", ", holding.Select(h => h.Id))}");
            var f = holding[0].Pixel;
            double iou = f.Intersection(o.Pixel).Area / f.Union(o.Pixel).Area;
            Assert.True(iou >= 0.9, $"object {o.Id} ({o.Class}): IoU {iou:0.000} with feature {holding[0].Id}");
            checkedObjects++;
        }
        Assert.True(checkedObjects > 0, "no object large enough to check");
    }

    /// <summary>
    /// A flat scene (<see cref="SyntheticScene.BuildFlat"/>'s objects) recoloured with well separated greys: the
    /// region decoder joins all pixels of nearly the same grey, and the scene's own palette has near-equal greys.
    /// Outside <paramref name="validArea"/> (when given) the raster is nodata (0).
    /// </summary>
    public static SampleRaster WriteScene(string path, int width, int height, int seed, Geometry? validArea = null) =>
        WriteShapes(path, width, height, SyntheticScene.BuildFlat(width, height, seed).Objects.Select(o => (o.Class, o.Shape)), validArea);

    /// <summary>A flat scene of the given shapes, painted in order, each in its own grey.</summary>
    public static SampleRaster WriteShapes(string path, int width, int height, IEnumerable<(string Class, Geometry Shape)> shapes, Geometry? validArea = null)
    {
        var scene = new SceneBuilder(width, height, SyntheticScene.Background) { ValidArea = validArea };
        int n = 0;
        foreach (var (cls, shape) in shapes)
        {
            double v = 64 + 8 * (n++ % 24); // 7 grey levels apart: 0.14 in SAM's normalised units, the tolerance is 0.05
            scene.Add(cls, shape, [v, v, v], Texture.Flat);
        }
        var format = validArea is null ? RasterFormat.Rgb8 : RasterFormat.Rgb8 with { NoData = 0 };
        return SceneWriter.Write(scene, path, SyntheticScene.DefaultGeoreference, format);
    }
}
