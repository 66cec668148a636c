using Sam.Geo.Raster;

namespace Sam.Geo.Prompts;

/// <summary>
/// Projects prompt coordinates from the prompt CRS into raster pixels: prompt CRS → raster CRS (PROJ) →
/// pixel through the exact inverse geotransform (rotation honoured). Boxes become the pixel envelope of
/// their densified edges, since a lon/lat box is not a rectangle in the raster's grid. Not thread-safe.
/// </summary>
public sealed class PromptProjector : IDisposable
{
    private readonly CoordinateTransform? _toRaster;
    private readonly GeoTransform _geoTransform;

    /// <summary>Points per box edge when densifying.</summary>
    public const int PointsPerEdge = 21;

    /// <summary>
    /// A projector from <paramref name="promptCrs"/> (null: the raster's own CRS) to the raster's pixels.
    /// </summary>
    public PromptProjector(GeoTransform rasterGeoTransform, SpatialReference rasterCrs, SpatialReference? promptCrs)
    {
        _geoTransform = rasterGeoTransform;
        if (promptCrs is not null && !promptCrs.IsSame(rasterCrs)) _toRaster = new CoordinateTransform(promptCrs, rasterCrs);
    }

    /// <summary>A point in the prompt CRS to raster pixel coordinates (corner origin).</summary>
    public (double Col, double Row) PointToPixel(double x, double y)
    {
        if (_toRaster is not null) (x, y) = _toRaster.Transform(x, y);
        return _geoTransform.MapToPixel(x, y);
    }

    /// <summary>A box in the prompt CRS to the pixel envelope of its densified edges.</summary>
    public PixelBox BoxToPixel(double minX, double minY, double maxX, double maxY)
    {
        if (!(maxX > minX) || !(maxY > minY))
            throw new SamGeoInputException($"box {minX},{minY},{maxX},{maxY} is empty: give MINX,MINY,MAXX,MAXY with max > min");
        var (xs, ys) = BoxEdges.Densify(minX, minY, maxX, maxY, PointsPerEdge);
        if (_toRaster is not null && !_toRaster.TryTransform(xs, ys))
            throw new SamGeoInputException($"box {minX},{minY},{maxX},{maxY} cannot be transformed from {_toRaster.Source} to {_toRaster.Target}");
        for (int i = 0; i < xs.Length; i++) (xs[i], ys[i]) = _geoTransform.MapToPixel(xs[i], ys[i]);
        var b = Bounds.Of(xs, ys);
        return new PixelBox(b.MinX, b.MinY, b.MaxX, b.MaxY);
    }

    /// <inheritdoc />
    public void Dispose() => _toRaster?.Dispose();
}
