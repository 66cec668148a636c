using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using Sam.Geo.Raster;

namespace Sam.Geo.Vectorization;

/// <summary>
/// Moves geometries from pixel coordinates (corner origin, as <see cref="MaskVectorizer"/> writes them) to map
/// coordinates through a raster's <see cref="GeoTransform"/>, rotation terms included.
/// </summary>
public static class PixelToMap
{
    /// <summary>
    /// Returns a transformed copy of <paramref name="pixelGeometry"/>; the input is not changed. An affine map
    /// with a negative determinant (every north-up raster, whose row axis points south) mirrors the geometry and
    /// so reverses ring orientation; the rings are reversed back, so polygons keep NTS's normal orientation
    /// (clockwise shells, counter-clockwise holes) when the input had it.
    /// </summary>
    /// <param name="pixelGeometry">Geometry in pixel coordinates of the raster (or window) the transform describes.</param>
    /// <param name="transform">Pixel-to-map geotransform.</param>
    /// <exception cref="ArgumentException">The transform is degenerate (zero or non-finite determinant).</exception>
    public static Geometry Transform(Geometry pixelGeometry, GeoTransform transform)
    {
        ArgumentNullException.ThrowIfNull(pixelGeometry);
        double det = transform.Determinant;
        if (det == 0 || !double.IsFinite(det))
            throw new ArgumentException("The geotransform is degenerate: its pixel axes do not span an area.", nameof(transform));
        // x' = Gt1·col + Gt2·row + Gt0, y' = Gt4·col + Gt5·row + Gt3.
        var affine = new AffineTransformation(
            transform.Gt1, transform.Gt2, transform.Gt0, transform.Gt4, transform.Gt5, transform.Gt3);
        Geometry mapped = affine.Transform(pixelGeometry);
        return det < 0 ? mapped.Reverse() : mapped;
    }

    /// <summary>Transforms each polygon with <see cref="Transform(Geometry, GeoTransform)"/>.</summary>
    /// <param name="pixelPolygons">Polygons in pixel coordinates.</param>
    /// <param name="transform">Pixel-to-map geotransform.</param>
    public static IReadOnlyList<Polygon> Transform(IEnumerable<Polygon> pixelPolygons, GeoTransform transform)
    {
        ArgumentNullException.ThrowIfNull(pixelPolygons);
        return pixelPolygons.Select(p => (Polygon)Transform(p, transform)).ToList();
    }
}
