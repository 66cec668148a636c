using NetTopologySuite;
using System.Runtime.InteropServices;
using NetTopologySuite.Geometries;

namespace Sam.Geo.Vectorization;

/// <summary>A connected region of one label of an instance-id mask, as a polygonal geometry in pixel coordinates.</summary>
/// <param name="Label">The pixel value shared by the region.</param>
/// <param name="Geometry">
/// A <see cref="Polygon"/>, or with 8-connectivity a <see cref="MultiPolygon"/> when parts touch only at corners.
/// </param>
public readonly record struct LabeledRegion(int Label, Geometry Geometry);

/// <summary>
/// Vectorises an instance-id mask (one integer label per pixel, as automatic mode writes many objects per tile)
/// into polygons per label in a single pass, with the conventions of <see cref="MaskVectorizer"/>. Like
/// <c>GDALPolygonize</c> on an integer band, every connected region of equal value is one feature; two labels
/// sharing an edge each get their own polygon along it.
/// </summary>
public static class LabelVectorizer
{
    /// <summary>
    /// One geometry per connected region of each label other than <paramref name="backgroundLabel"/>, in the
    /// order of each region's first pixel in row-major order.
    /// </summary>
    /// <param name="labels">Row-major labels.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="backgroundLabel">The label that is not vectorised.</param>
    /// <param name="connectivity">Which neighbours join a region (GDAL's default is 4).</param>
    /// <param name="factory">Factory for the output; NTS's default when null.</param>
    public static IReadOnlyList<LabeledRegion> Vectorize(
        ReadOnlySpan<int> labels, int width, int height, int backgroundLabel = 0,
        PixelConnectivity connectivity = PixelConnectivity.Four, GeometryFactory? factory = null)
    {
        MaskArguments.Validate(labels.Length, width, height, nameof(labels));
        MaskArguments.Validate(connectivity);
        var classes = new LabelClasses(backgroundLabel);
        using ComponentLabels components = ComponentLabeller.Label(labels, width, height, classes, PixelConnectivity.Four);
        var regions = RegionAssembler.Assemble(
            labels, components, classes, connectivity, factory ?? NtsGeometryServices.Instance.CreateGeometryFactory());
        var result = new LabeledRegion[regions.Length];
        for (int k = 0; k < regions.Length; k++)
            result[k] = new LabeledRegion(labels[components.FirstPixel[regions[k].FirstComponent]], regions[k].Geometry);
        return result;
    }

    /// <summary>
    /// The unsigned variant of <see cref="Vectorize(ReadOnlySpan{int}, int, int, int, PixelConnectivity, GeometryFactory?)"/>;
    /// labels above <see cref="int.MaxValue"/> are reported as their two's-complement <see cref="int"/> value.
    /// </summary>
    /// <param name="labels">Row-major labels.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="backgroundLabel">The label that is not vectorised.</param>
    /// <param name="connectivity">Which neighbours join a region.</param>
    /// <param name="factory">Factory for the output; NTS's default when null.</param>
    public static IReadOnlyList<LabeledRegion> Vectorize(
        ReadOnlySpan<uint> labels, int width, int height, uint backgroundLabel = 0,
        PixelConnectivity connectivity = PixelConnectivity.Four, GeometryFactory? factory = null) =>
        Vectorize(MemoryMarshal.Cast<uint, int>(labels), width, height, unchecked((int)backgroundLabel), connectivity, factory);
}
