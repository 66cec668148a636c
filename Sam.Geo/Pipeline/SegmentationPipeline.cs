using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Sam.Geo.Caching;
using Sam.Geo.Inference;
using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Pipeline;

/// <summary>Prompt objects whose coordinates share one CRS (null: the raster's CRS).</summary>
public sealed record PromptSet(IReadOnlyList<PromptObject> Objects, SpatialReference? Crs);

/// <summary>One object segmented from its prompts: the feature plus where it was decoded.</summary>
public sealed record SegmentedObject(IFeature Feature, ScaledWindow Window, bool EmbeddingFromCache);

/// <summary>
/// Prompted segmentation, the library form of <c>samgeo segment</c>: georeferenced points and boxes in,
/// georeferenced polygons (in the raster's CRS) out. Each object is decoded in the cached grid tile best
/// centred on its prompts, or in a window centred on it (downscaled when it is larger than a tile); a mask
/// that runs into an interior window edge is decoded again in a larger window, so objects are not cut at
/// seams. Not thread-safe; the model and cache may be shared.
/// </summary>
public sealed class SegmentationPipeline
{
    private readonly SamModel _model;
    private readonly EmbeddingProvider _embeddings;
    private readonly SegmentationOptions _options;

    /// <summary>Time per stage over all calls.</summary>
    public StageTimer Timer { get; } = new();

    /// <summary>A pipeline over a loaded model and an optional embedding cache.</summary>
    public SegmentationPipeline(SamModel model, EmbeddingCache? cache, SegmentationOptions? options = null)
    {
        _model = model;
        _embeddings = new EmbeddingProvider(model.Encoder, cache, Timer);
        _options = options ?? new SegmentationOptions();
    }

    /// <summary>The embedding provider (shared with <c>samgeo encode</c>-style pre-encoding).</summary>
    public EmbeddingProvider Embeddings => _embeddings;

    /// <summary>
    /// Segments every object. Prompt coordinates are in <paramref name="promptCrs"/> (null: the raster's
    /// CRS). <paramref name="warn"/> receives one-line warnings (skipped prompts, objects on nodata).
    /// </summary>
    /// <exception cref="SamGeoInputException">A prompt outside the raster (unless skipped), an empty box.</exception>
    public IReadOnlyList<SegmentedObject> Segment(RasterSource source, IReadOnlyList<PromptObject> objects,
        SpatialReference? promptCrs, Action<string>? warn = null, CancellationToken cancellation = default) =>
        Segment(source, [new PromptSet(objects, promptCrs)], warn, cancellation);

    /// <summary>Segments the objects of several prompt sets, each in its own CRS; ids run across all.</summary>
    public IReadOnlyList<SegmentedObject> Segment(RasterSource source, IReadOnlyList<PromptSet> sets,
        Action<string>? warn = null, CancellationToken cancellation = default)
    {
        var projected = sets.SelectMany(set => Project(source, set.Objects, set.Crs, warn)).ToList();
        using var areas = new AreaCalculator(source.Crs);
        var results = new List<SegmentedObject>();
        foreach (var obj in projected)
        {
            cancellation.ThrowIfCancellationRequested();
            var segmented = SegmentOne(source, obj, areas, results.Count + 1);
            if (segmented is null) warn?.Invoke($"object {obj.Id}: no mask (the prompt lies on nodata or the model found nothing)");
            else results.Add(segmented);
        }
        return results;
    }

    private List<ProjectedObject> Project(RasterSource source, IReadOnlyList<PromptObject> objects, SpatialReference? promptCrs, Action<string>? warn)
    {
        using var _ = Timer.Measure(Stage.Projection);
        using var projector = new PromptProjector(source.GeoTransform, source.Crs, promptCrs);
        int w = source.Raster.Width, h = source.Raster.Height;
        var result = new List<ProjectedObject>();
        foreach (var obj in objects)
        {
            if (obj.Points.Count == 0 && obj.Box is null)
                throw new SamGeoInputException($"object {obj.Id} has no prompt: give at least one point or a box");
            var points = new List<SamPoint>();
            string? outside = null;
            foreach (var p in obj.Points)
            {
                var (col, row) = projector.PointToPixel(p.X, p.Y);
                if (!(col >= 0 && row >= 0 && col < w && row < h)) { outside ??= $"point {Fmt(p.X)},{Fmt(p.Y)}"; continue; }
                points.Add(new SamPoint(col, row, p.Foreground));
            }
            PixelBox? box = null;
            if (obj.Box is PromptBox b)
            {
                var pb = projector.BoxToPixel(b.MinX, b.MinY, b.MaxX, b.MaxY);
                var clipped = new PixelBox(Math.Max(0, pb.MinCol), Math.Max(0, pb.MinRow), Math.Min(w, pb.MaxCol), Math.Min(h, pb.MaxRow));
                if (clipped.Width <= 0 || clipped.Height <= 0) outside ??= $"box {Fmt(b.MinX)},{Fmt(b.MinY)},{Fmt(b.MaxX)},{Fmt(b.MaxY)}";
                else box = clipped;
            }
            if (outside is not null)
            {
                string message = $"object {obj.Id}: {outside} lies outside the raster {Path.GetFileName(source.Raster.Path)}";
                if (!_options.SkipOutside) throw new SamGeoInputException(message + " (use --skip-outside to skip it)");
                warn?.Invoke(message + "; skipped");
                if (points.Count == 0 && box is null) continue;
            }
            if (!points.Any(p => p.IsForeground) && box is null)
            {
                warn?.Invoke($"object {obj.Id}: only background points; skipped");
                continue;
            }
            result.Add(new ProjectedObject(obj.Id, points, box));
        }
        return result;
    }

    private SegmentedObject? SegmentOne(RasterSource source, ProjectedObject obj, AreaCalculator areas, long id)
    {
        var grid = source.Grid;
        ScaledWindow window;
        using (Timer.Measure(Stage.Projection)) window = WindowPlanner.Plan(grid, obj.Extent);
        for (int attempt = 0; ; attempt++)
        {
            var embedding = _embeddings.Get(source, window, out bool cached);
            if (embedding is null) return null;
            SamMaskPrediction prediction;
            using (Timer.Measure(Stage.Decode)) prediction = _model.Decoder.Decode(embedding, obj.ToSamPrompt(window));
            byte[] mask;
            PixelWindow bounds;
            int best;
            using (Timer.Measure(Stage.PostProcess))
            {
                best = prediction.BestIndex;
                mask = prediction.GetBinaryMask(best);
                var valid = source.ReadValidMask(window);
                for (int i = 0; i < mask.Length; i++) mask[i] &= valid[i];
                bounds = MaskMeasures.BoundingBox(mask, window.OutputWidth, window.OutputHeight);
            }
            if (bounds.IsEmpty) return null;
            if (attempt < _options.MaxWindowGrowth
                && WindowPlanner.TouchesInteriorEdge(window, bounds, grid.RasterWidth, grid.RasterHeight)
                && Grow(grid, window, bounds, obj.Extent) is ScaledWindow larger && larger != window)
            {
                window = larger;
                continue;
            }
            return Vectorize(source, obj, window, cached, mask, prediction, best, areas, id);
        }
    }

    /// <summary>A window holding the mask's bounds enlarged by half a window in each direction it was cut.</summary>
    private static ScaledWindow? Grow(TileGrid grid, ScaledWindow window, PixelWindow maskBounds, PixelBox extent)
    {
        var (c0, r0) = window.WindowToRaster(maskBounds.Col, maskBounds.Row);
        var (c1, r1) = window.WindowToRaster(maskBounds.ColEnd, maskBounds.RowEnd);
        double growX = window.Source.Width / 2.0, growY = window.Source.Height / 2.0;
        if (maskBounds.Col == 0) c0 -= growX;
        if (maskBounds.Row == 0) r0 -= growY;
        if (maskBounds.ColEnd == window.OutputWidth) c1 += growX;
        if (maskBounds.RowEnd == window.OutputHeight) r1 += growY;
        var region = extent.Union(new PixelBox(c0, r0, c1, r1));
        return ScaledWindow.AroundRegion(grid.RasterWidth, grid.RasterHeight,
            Math.Max(0, region.MinCol), Math.Max(0, region.MinRow),
            Math.Min(grid.RasterWidth, region.MaxCol), Math.Min(grid.RasterHeight, region.MaxRow), targetSize: grid.TileSize);
    }

    private SegmentedObject? Vectorize(RasterSource source, ProjectedObject obj, ScaledWindow window, bool cached,
        byte[] mask, SamMaskPrediction prediction, int best, AreaCalculator areas, long id)
    {
        using var _ = Timer.Measure(Stage.Vectorize);
        var windowTransform = window.GetGeoTransform(source.GeoTransform);
        double pixelM2 = areas.PixelSquareMetres(windowTransform, window.OutputWidth / 2.0, window.OutputHeight / 2.0);
        var cleanup = new PolygonCleanupOptions
        {
            MinPartAreaInPixels = _options.MinArea.ToPixels(pixelM2),
            MaxHoleAreaInPixels = _options.MaxHoleArea.ToPixels(pixelM2),
            SimplifyToleranceInPixels = _options.SimplifyPixels,
            KeepLargestPartOnly = _options.LargestOnly,
        };
        var parts = PolygonCleaner.Clean(Parts(mask, window.OutputWidth, window.OutputHeight, ref cleanup), cleanup);
        if (parts.Count == 0) return null;
        Geometry pixelGeometry = parts.Count == 1 ? parts[0] : GeometryFactory.Default.CreateMultiPolygon(parts.ToArray());
        var geometry = PixelToMap.Transform(pixelGeometry, windowTransform);
        string tile = TileLabel(source.Grid, window);
        var feature = SegmentationSchema.Create(geometry, id, obj.Id, prediction.IouPredictions[best],
            prediction.GetStabilityScore(best), areas.SquareMetres(geometry), _options.ModelName, tile);
        return new SegmentedObject(feature, window, cached);
    }

    /// <summary>
    /// The mask's polygons. With 8-connectivity, corner-joined regions are judged whole by min-area and
    /// largest-only here, and the cleaner then only fills holes and simplifies.
    /// </summary>
    private IEnumerable<Polygon> Parts(byte[] mask, int width, int height, ref PolygonCleanupOptions cleanup)
    {
        if (_options.Connectivity == PixelConnectivity.Four) return MaskVectorizer.Vectorize(mask, width, height);
        double minArea = cleanup.MinPartAreaInPixels;
        var regions = MaskVectorizer.VectorizeRegions(mask, width, height, PixelConnectivity.Eight)
            .Where(r => r.Area >= minArea).ToList();
        if (cleanup.KeepLargestPartOnly && regions.Count > 1) regions = [regions.MaxBy(r => r.Area)!];
        cleanup = cleanup with { MinPartAreaInPixels = 0, KeepLargestPartOnly = false };
        return regions.SelectMany(r => Enumerable.Range(0, r.NumGeometries).Select(i => (Polygon)r.GetGeometryN(i)));
    }

    /// <summary>The grid tile id when the window is a grid tile, else "window:WxH+col+row@scale".</summary>
    internal static string TileLabel(TileGrid grid, ScaledWindow window)
    {
        if (window.Scale == 1)
            foreach (var t in grid.TilesIntersecting(window.Source))
                if (t.Window == window.Source) return t.Id.ToString();
        return FormattableString.Invariant($"window:{window.Source}@{window.Scale:0.###}");
    }

    private static string Fmt(double v) => v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ProjectedObject(string Id, IReadOnlyList<SamPoint> Points, PixelBox? Box)
    {
        /// <summary>The pixel box all prompts cover.</summary>
        public PixelBox Extent
        {
            get
            {
                PixelBox? e = Box;
                foreach (var p in Points.Where(p => p.IsForeground))
                    e = e is PixelBox b ? b.Union(PixelBox.AtPoint(p.X, p.Y)) : PixelBox.AtPoint(p.X, p.Y);
                return e!.Value;
            }
        }

        /// <summary>The prompt in the window's pixels.</summary>
        public SamPrompt ToSamPrompt(ScaledWindow window)
        {
            var pts = Points.Select(p =>
            {
                var (x, y) = window.RasterToWindow(p.X, p.Y);
                return new SamPoint(x, y, p.IsForeground);
            }).ToList();
            SamBox? box = null;
            if (Box is PixelBox b)
            {
                var (x0, y0) = window.RasterToWindow(b.MinCol, b.MinRow);
                var (x1, y1) = window.RasterToWindow(b.MaxCol, b.MaxRow);
                box = new SamBox(x0, y0, x1, y1);
            }
            return new SamPrompt(pts, box);
        }
    }
}
