using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Sam.Geo.Vectorization;

/// <summary>
/// Vectorises a binary mask into polygons in pixel coordinates, the way GDAL's <c>GDALPolygonize</c> outlines
/// the foreground regions. Coordinates use the corner origin: pixel (col,row) is the square
/// [col,col+1]×[row,row+1] and y grows downward; apply the geotransform afterwards with <see cref="PixelToMap"/>.
/// Boundaries run along pixel edges, only corner vertices are kept, holes are included, and an island inside a
/// hole is a polygon of its own. Every geometry is valid: shells are clockwise and holes counter-clockwise on the
/// raw pixel coordinates, and a hole that touches its shell at a pixel corner is a separate ring touching at one
/// point. One pass of labelling and one of edge tracing: O(pixels) time, memory of about two ints per pixel plus
/// the output.
/// </summary>
public static class MaskVectorizer
{
    /// <summary>
    /// One polygon per 4-connected foreground region (GDAL's default connectivity), in the order of each
    /// region's first pixel in row-major order.
    /// </summary>
    /// <param name="mask">Row-major pixels; nonzero is inside.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="factory">Factory for the output; NTS's default (floating precision, SRID 0) when null.</param>
    public static IReadOnlyList<Polygon> Vectorize(
        ReadOnlySpan<byte> mask, int width, int height, GeometryFactory? factory = null)
    {
        MaskArguments.Validate(mask.Length, width, height);
        using ComponentLabels components =
            ComponentLabeller.Label(mask, width, height, default(NonZeroClasses), PixelConnectivity.Four);
        return BoundaryTracer.Trace(components, factory ?? NtsGeometryServices.Instance.CreateGeometryFactory());
    }

    /// <summary>
    /// One polygonal geometry per connected foreground region, in the order of each region's first pixel. With
    /// <see cref="PixelConnectivity.Four"/> every geometry is a <see cref="Polygon"/>, as from
    /// <see cref="Vectorize(ReadOnlySpan{byte}, int, int, GeometryFactory?)"/>. With
    /// <see cref="PixelConnectivity.Eight"/> pixels touching at a corner join one region, as GDAL's
    /// <c>8CONNECTED=8</c> does; GDAL then writes a single ring pinched at the touching corner, which is not a
    /// valid polygon, so a region whose parts only touch at corners is returned as a valid
    /// <see cref="MultiPolygon"/> of its 4-connected parts (the same point set as GDAL's polygon).
    /// </summary>
    /// <param name="mask">Row-major pixels; nonzero is inside.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="connectivity">Which neighbours join a region.</param>
    /// <param name="factory">Factory for the output; NTS's default when null.</param>
    public static IReadOnlyList<Geometry> VectorizeRegions(
        ReadOnlySpan<byte> mask, int width, int height, PixelConnectivity connectivity, GeometryFactory? factory = null)
    {
        MaskArguments.Validate(mask.Length, width, height);
        MaskArguments.Validate(connectivity);
        using ComponentLabels components =
            ComponentLabeller.Label(mask, width, height, default(NonZeroClasses), PixelConnectivity.Four);
        var regions = RegionAssembler.Assemble(
            mask, components, default(NonZeroClasses), connectivity,
            factory ?? NtsGeometryServices.Instance.CreateGeometryFactory());
        return Array.ConvertAll(regions, r => r.Geometry);
    }
}
