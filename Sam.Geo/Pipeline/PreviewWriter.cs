using Sam.Geo.Export;
using Sam.Geo.Tiling;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Pipeline;

/// <summary>
/// Writes a PNG of the imagery around segmented objects with their polygons drawn over it (at most 1024 px
/// on the long side), for a person to check the result.
/// </summary>
public static class PreviewWriter
{
    /// <summary>Long side of the preview in pixels, at most.</summary>
    public const int MaxSize = 1024;

    /// <summary>
    /// The objects' pixel envelope with a margin (half its size, at least 64 px) on every side, clipped to the
    /// raster, read downscaled only when larger than <see cref="MaxSize"/>.
    /// </summary>
    internal static ScaledWindow Frame(NetTopologySuite.Geometries.Envelope env, int rasterWidth, int rasterHeight)
    {
        double mx = Math.Max(64, env.Width / 2), my = Math.Max(64, env.Height / 2);
        int c0 = Math.Clamp((int)Math.Floor(env.MinX - mx), 0, rasterWidth - 1), r0 = Math.Clamp((int)Math.Floor(env.MinY - my), 0, rasterHeight - 1);
        int c1 = Math.Clamp((int)Math.Ceiling(env.MaxX + mx), c0 + 1, rasterWidth), r1 = Math.Clamp((int)Math.Ceiling(env.MaxY + my), r0 + 1, rasterHeight);
        var src = new Raster.PixelWindow(c0, r0, c1 - c0, r1 - r0);
        double f = Math.Max(1, Math.Max(src.Width, src.Height) / (double)MaxSize);
        return new ScaledWindow(src, Math.Max(1, (int)(src.Width / f)), Math.Max(1, (int)(src.Height / f)));
    }

    /// <summary>Writes the preview atomically; nothing is written when there are no objects.</summary>
    public static void Write(string path, RasterSource source, IReadOnlyList<SegmentedObject> objects, bool overwrite)
    {
        using var output = AtomicOutput.Begin(path, overwrite, OutputFormat.Png);
        if (objects.Count == 0) return;
        var inverse = source.GeoTransform.Invert();
        var pixelGeometries = objects.Select(o => PixelToMap.Transform(o.Feature.Geometry, inverse)).ToList();
        var env = pixelGeometries.Aggregate(new NetTopologySuite.Geometries.Envelope(), (e, g) => { e.ExpandToInclude(g.EnvelopeInternal); return e; });
        var window = Frame(env, source.Raster.Width, source.Raster.Height);
        var image = source.Read(window);
        var toPreview = window.GetGeoTransform(source.GeoTransform).Invert();
        var drawn = objects.Select(o => PixelToMap.Transform(o.Feature.Geometry, toPreview)).ToList();
        PreviewRenderer.Draw(image.Rgb, image.Width, image.Height, drawn);
        PreviewRenderer.SavePng(image.Rgb, image.Width, image.Height, output.TemporaryPath);
        output.Commit();
    }
}
