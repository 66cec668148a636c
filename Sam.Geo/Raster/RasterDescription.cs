namespace Sam.Geo.Raster;

/// <summary>An axis-aligned rectangle in some CRS (x first).</summary>
public readonly record struct Bounds(double MinX, double MinY, double MaxX, double MaxY)
{
    /// <summary>The envelope of a set of points.</summary>
    public static Bounds Of(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < xs.Length; i++)
        {
            minX = Math.Min(minX, xs[i]); maxX = Math.Max(maxX, xs[i]);
            minY = Math.Min(minY, ys[i]); maxY = Math.Max(maxY, ys[i]);
        }
        return new Bounds(minX, minY, maxX, maxY);
    }
}

/// <summary>What <c>samgeo info</c> reports about a raster.</summary>
public sealed record RasterDescription(
    string Path,
    string Driver,
    int Width,
    int Height,
    IReadOnlyList<RasterBandInfo> Bands,
    string? CrsName,
    int? Epsg,
    string? CrsWkt,
    GeoTransform? GeoTransform,
    double PixelWidth,
    double PixelHeight,
    string? Units,
    Bounds? Bounds,
    Bounds? BoundsWgs84)
{
    /// <summary>Describes an open raster; bounds come from the densified outline (rotation aware).</summary>
    public static RasterDescription Of(GeoRaster raster)
    {
        var crs = raster.Crs;
        GeoTransform? gt = raster.HasGeoTransform ? raster.GeoTransform : null;
        Bounds? native = null, wgs = null;
        if (gt is GeoTransform t)
        {
            var (xs, ys) = Outline(t, raster.Width, raster.Height, 16);
            native = Raster.Bounds.Of(xs, ys);
            if (crs is not null)
            {
                using var wgs84 = SpatialReference.Wgs84();
                using var ct = new CoordinateTransform(crs, wgs84);
                if (ct.TryTransform(xs, ys)) wgs = Raster.Bounds.Of(xs, ys);
            }
        }
        string? units = crs is null ? null : crs.IsGeographic ? "degree" : crs.MetresPerUnit == 1 ? "metre" : $"{crs.MetresPerUnit} m";
        return new RasterDescription(raster.Path, raster.DriverName, raster.Width, raster.Height, raster.Bands,
            crs?.Name, crs?.EpsgCode, crs?.Wkt, gt, gt?.PixelWidth ?? 0, gt?.PixelHeight ?? 0, units, native, wgs);
    }

    /// <summary>Map coordinates of the raster's outline, <paramref name="perEdge"/> points per edge.</summary>
    public static (double[] Xs, double[] Ys) Outline(GeoTransform gt, int width, int height, int perEdge)
    {
        var xs = new double[4 * perEdge];
        var ys = new double[4 * perEdge];
        for (int i = 0; i < perEdge; i++)
        {
            double t = i / (double)perEdge;
            (xs[i], ys[i]) = gt.PixelToMap(t * width, 0);
            (xs[perEdge + i], ys[perEdge + i]) = gt.PixelToMap(width, t * height);
            (xs[2 * perEdge + i], ys[2 * perEdge + i]) = gt.PixelToMap(width - t * width, height);
            (xs[3 * perEdge + i], ys[3 * perEdge + i]) = gt.PixelToMap(0, height - t * height);
        }
        return (xs, ys);
    }
}
