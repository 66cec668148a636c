using Sam.Geo.Interop;

namespace Sam.Geo.Raster;

/// <summary>
/// Transforms coordinates between two CRSs with PROJ (through OSR), x/longitude first. Not thread-safe:
/// create one per thread. Dispose it when done.
/// </summary>
public sealed class CoordinateTransform : IDisposable
{
    private readonly CoordinateTransformationHandle _handle;

    /// <summary>The source CRS.</summary>
    public SpatialReference Source { get; }

    /// <summary>The target CRS.</summary>
    public SpatialReference Target { get; }

    /// <summary>Creates a transform; both CRSs are cloned, the caller keeps its own.</summary>
    public CoordinateTransform(SpatialReference source, SpatialReference target)
    {
        Source = source.Clone();
        Target = target.Clone();
        GdalError.Reset();
        nint h = GdalNative.OCTNewCoordinateTransformation(Source.Handle.DangerousGetHandle(), Target.Handle.DangerousGetHandle());
        if (h == 0)
        {
            GdalError.Reset();
            Source.Dispose();
            Target.Dispose();
            throw new SamGeoInputException($"cannot transform coordinates from {source} to {target}");
        }
        _handle = new CoordinateTransformationHandle(h);
    }

    /// <summary>Transforms points in place; returns false when any point could not be transformed.</summary>
    public unsafe bool TryTransform(Span<double> xs, Span<double> ys)
    {
        if (xs.Length != ys.Length) throw new ArgumentException("xs and ys differ in length.");
        if (xs.Length == 0) return true;
        int[] ok = new int[xs.Length];
        fixed (double* px = xs, py = ys)
        fixed (int* pok = ok)
        {
            GdalError.Reset();
            int r = GdalNative.OCTTransformEx(_handle.DangerousGetHandle(), xs.Length, px, py, null, pok);
            if (r == 0) return false;
        }
        foreach (int v in ok) if (v == 0) return false;
        for (int i = 0; i < xs.Length; i++)
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i])) return false;
        return true;
    }

    /// <summary>Transforms one point.</summary>
    /// <exception cref="SamGeoInputException">The point has no image in the target CRS.</exception>
    public (double X, double Y) Transform(double x, double y)
    {
        Span<double> xs = [x], ys = [y];
        if (!TryTransform(xs, ys))
            throw new SamGeoInputException($"point ({x}, {y}) cannot be transformed from {Source} to {Target}");
        return (xs[0], ys[0]);
    }

    /// <summary>
    /// The envelope in the target CRS of a box in the source CRS, from its edges densified with
    /// <paramref name="pointsPerEdge"/> points each (a lon/lat box is not a rectangle in UTM).
    /// </summary>
    public (double MinX, double MinY, double MaxX, double MaxY) TransformBox(double minX, double minY, double maxX, double maxY, int pointsPerEdge = 21)
    {
        var (xs, ys) = BoxEdges.Densify(minX, minY, maxX, maxY, pointsPerEdge);
        if (!TryTransform(xs, ys))
            throw new SamGeoInputException($"box ({minX}, {minY}, {maxX}, {maxY}) cannot be transformed from {Source} to {Target}");
        return (xs.Min(), ys.Min(), xs.Max(), ys.Max());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _handle.Dispose();
        Source.Dispose();
        Target.Dispose();
    }
}
