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
    /// <summary>Writes the preview atomically; nothing is written when there are no objects.</summary>
    public static void Write(string path, RasterSource source, IReadOnlyList<SegmentedObject> objects, bool overwrite)
    {
        using var output = AtomicOutput.Begin(path, overwrite, OutputFormat.Png);
        if (objects.Count == 0) return;
        var inverse = source.GeoTransform.Invert();
        var pixelGeometries = objects.Select(o => PixelToMap.Transform(o.Feature.Geometry, inverse)).ToList();
        var env = pixelGeometries.Aggregate(new NetTopologySuite.Geometries.Envelope(), (e, g) => { e.ExpandToInclude(g.EnvelopeInternal); return e; });
        var window = ScaledWindow.AroundRegion(source.Raster.Width, source.Raster.Height,
            Math.Max(0, env.MinX), Math.Max(0, env.MinY), Math.Min(source.Raster.Width, env.MaxX), Math.Min(source.Raster.Height, env.MaxY),
            targetSize: 1024, marginFraction: 0.15, minMarginInPixels: 32);
        var image = source.Read(window);
        var toPreview = window.GetGeoTransform(source.GeoTransform).Invert();
        var drawn = objects.Select(o => PixelToMap.Transform(o.Feature.Geometry, toPreview)).ToList();
        PreviewRenderer.Draw(image.Rgb, image.Width, image.Height, drawn);
        PreviewRenderer.SavePng(image.Rgb, image.Width, image.Height, output.TemporaryPath);
        output.Commit();
    }
}
