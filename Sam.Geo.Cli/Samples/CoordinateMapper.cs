using NetTopologySuite.Geometries;

namespace Sam.Geo.Cli.Samples;

/// <summary>
/// Applies a batch transform to every coordinate sequence of a geometry in place (one call per ring or
/// line, so PROJ gets whole arrays). The transform returns false when a point has no image.
/// </summary>
public sealed class CoordinateMapper(Func<double[], double[], bool> transform) : ICoordinateSequenceFilter
{
    /// <inheritdoc />
    public void Filter(CoordinateSequence seq, int i)
    {
        if (i != 0) return;
        var xs = new double[seq.Count];
        var ys = new double[seq.Count];
        for (int k = 0; k < seq.Count; k++) (xs[k], ys[k]) = (seq.GetX(k), seq.GetY(k));
        if (!transform(xs, ys)) throw new InvalidOperationException("a coordinate could not be transformed");
        for (int k = 0; k < seq.Count; k++)
        {
            seq.SetX(k, xs[k]);
            seq.SetY(k, ys[k]);
        }
    }

    /// <inheritdoc />
    public bool Done => false;

    /// <inheritdoc />
    public bool GeometryChanged => true;
}
