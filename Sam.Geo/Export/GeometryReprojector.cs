using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using Sam.Geo.Raster;

namespace Sam.Geo.Export;

/// <summary>
/// Reprojects NetTopologySuite geometries between two CRSs (x/longitude first) by transforming every
/// coordinate with PROJ; the input geometry is not changed. Not thread-safe. Dispose it when done.
/// </summary>
public sealed class GeometryReprojector : IDisposable
{
    private readonly CoordinateTransform _transform;
    private readonly SequenceTransformer _transformer;

    /// <summary>Creates a reprojector; both CRSs are cloned, the caller keeps its own.</summary>
    /// <exception cref="SamGeoInputException">PROJ has no transformation between the two.</exception>
    public GeometryReprojector(SpatialReference source, SpatialReference target)
    {
        _transform = new CoordinateTransform(source, target);
        _transformer = new SequenceTransformer(_transform);
    }

    /// <summary>One-call shortcut: reprojects <paramref name="geometry"/> from <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static Geometry Reproject(Geometry geometry, SpatialReference source, SpatialReference target)
    {
        using var reprojector = new GeometryReprojector(source, target);
        return reprojector.Reproject(geometry);
    }

    /// <summary>A copy of <paramref name="geometry"/> with all coordinates in the target CRS (Z and M kept as they are).</summary>
    /// <exception cref="SamGeoInputException">A coordinate has no image in the target CRS.</exception>
    public Geometry Reproject(Geometry geometry) => _transformer.Transform(geometry);

    /// <inheritdoc />
    public void Dispose() => _transform.Dispose();

    private sealed class SequenceTransformer(CoordinateTransform transform) : GeometryTransformer
    {
        protected override CoordinateSequence TransformCoordinates(CoordinateSequence coords, Geometry parent)
        {
            var copy = coords.Copy();
            int n = copy.Count;
            var xs = new double[n];
            var ys = new double[n];
            for (int i = 0; i < n; i++) (xs[i], ys[i]) = (copy.GetX(i), copy.GetY(i));
            if (!transform.TryTransform(xs, ys))
                throw new SamGeoInputException($"a geometry cannot be transformed from {transform.Source} to {transform.Target}");
            for (int i = 0; i < n; i++)
            {
                copy.SetX(i, xs[i]);
                copy.SetY(i, ys[i]);
            }
            return copy;
        }
    }
}
