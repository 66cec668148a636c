using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace Sam.Geo.Cli.Samples;

/// <summary>
/// Object outlines in pixel coordinates (GDAL corner origin, y down). Every outline is a polygon with
/// explicit vertices, so the truth written to disk is exactly what was rasterized.
/// </summary>
public static class Shapes
{
    /// <summary>The factory every sample geometry is built with (floating precision, no SRID).</summary>
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), 0);

    /// <summary>A polygon from a closed or open list of (x, y) vertices.</summary>
    public static Polygon Polygon(params (double X, double Y)[] vertices)
    {
        var coords = vertices.Select(v => new Coordinate(v.X, v.Y)).ToList();
        if (!coords[0].Equals2D(coords[^1])) coords.Add(coords[0].Copy());
        return Factory.CreatePolygon(coords.ToArray());
    }

    /// <summary>A rectangle of <paramref name="width"/>×<paramref name="height"/> pixels centred on (cx, cy), turned by <paramref name="angleDegrees"/> (clockwise on screen).</summary>
    public static Polygon Rectangle(double cx, double cy, double width, double height, double angleDegrees = 0) =>
        Rotate(Polygon((cx - width / 2, cy - height / 2), (cx + width / 2, cy - height / 2),
            (cx + width / 2, cy + height / 2), (cx - width / 2, cy + height / 2)), cx, cy, angleDegrees);

    /// <summary>An axis-aligned box [x0, x1) × [y0, y1).</summary>
    public static Polygon Box(double x0, double y0, double x1, double y1) => Polygon((x0, y0), (x1, y0), (x1, y1), (x0, y1));

    /// <summary>An L-shaped building: a <paramref name="width"/>×<paramref name="height"/> box minus its top-right <paramref name="cutWidth"/>×<paramref name="cutHeight"/> corner.</summary>
    public static Polygon LShape(double x0, double y0, double width, double height, double cutWidth, double cutHeight, double angleDegrees = 0)
    {
        var l = Polygon((x0, y0), (x0 + width - cutWidth, y0), (x0 + width - cutWidth, y0 + cutHeight), (x0 + width, y0 + cutHeight),
            (x0 + width, y0 + height), (x0, y0 + height));
        return Rotate(l, x0 + width / 2, y0 + height / 2, angleDegrees);
    }

    /// <summary>A block with an inner courtyard: a box with a box-shaped hole, <paramref name="wall"/> pixels thick.</summary>
    public static Polygon Courtyard(double x0, double y0, double width, double height, double wall)
    {
        var shell = Factory.CreateLinearRing(Box(x0, y0, x0 + width, y0 + height).ExteriorRing.Coordinates);
        var hole = Factory.CreateLinearRing(Box(x0 + wall, y0 + wall, x0 + width - wall, y0 + height - wall).ExteriorRing.Coordinates.Reverse().ToArray());
        return Factory.CreatePolygon(shell, [hole]);
    }

    /// <summary>A disc (tree crown) as a regular polygon with <paramref name="segments"/> sides.</summary>
    public static Polygon Disc(double cx, double cy, double radius, int segments = 24) =>
        Polygon(Enumerable.Range(0, segments).Select(i =>
        {
            double a = 2 * Math.PI * i / segments;
            return (cx + radius * Math.Cos(a), cy + radius * Math.Sin(a));
        }).ToArray());

    /// <summary>
    /// An irregular smooth closed outline (a lake, a wood): a radius that varies with the angle through a
    /// few low harmonics chosen from <paramref name="seed"/>, at most ±<paramref name="irregularity"/> of the mean.
    /// </summary>
    public static Polygon Blob(double cx, double cy, double radiusX, double radiusY, int seed, double irregularity = 0.25, int vertices = 96)
    {
        var amp = new double[4];
        var phase = new double[4];
        for (int k = 0; k < 4; k++)
        {
            amp[k] = (ValueNoise.Lattice(k, 1, seed) + 1) / 2 / (k + 1);
            phase[k] = (ValueNoise.Lattice(k, 2, seed) + 1) * Math.PI;
        }
        double norm = amp.Sum();
        return Polygon(Enumerable.Range(0, vertices).Select(i =>
        {
            double a = 2 * Math.PI * i / vertices;
            double wobble = 0;
            for (int k = 0; k < 4; k++) wobble += amp[k] * Math.Sin((k + 2) * a + phase[k]);
            double r = 1 + irregularity * wobble / norm;
            return (cx + radiusX * r * Math.Cos(a), cy + radiusY * r * Math.Sin(a));
        }).ToArray());
    }

    /// <summary>
    /// A road network: the centre lines buffered to <paramref name="widthPx"/> with flat ends and rounded
    /// bends, merged into one polygon where they meet.
    /// </summary>
    public static Geometry Roads(double widthPx, params (double X, double Y)[][] centreLines)
    {
        var lines = Factory.CreateMultiLineString(centreLines
            .Select(l => Factory.CreateLineString(l.Select(v => new Coordinate(v.X, v.Y)).ToArray())).ToArray());
        var p = new BufferParameters { EndCapStyle = EndCapStyle.Flat, JoinStyle = JoinStyle.Round, QuadrantSegments = 6 };
        return BufferOp.Buffer(lines, widthPx / 2, p);
    }

    /// <summary>Turns a geometry about (cx, cy) by <paramref name="angleDegrees"/>; 0 leaves the coordinates untouched.</summary>
    public static T Rotate<T>(T geometry, double cx, double cy, double angleDegrees) where T : Geometry
    {
        if (angleDegrees == 0) return geometry;
        double a = angleDegrees * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        var copy = (T)geometry.Copy();
        copy.Apply(new CoordinateMapper((xs, ys) =>
        {
            for (int i = 0; i < xs.Length; i++)
            {
                double dx = xs[i] - cx, dy = ys[i] - cy;
                xs[i] = cx + dx * cos - dy * sin;
                ys[i] = cy + dx * sin + dy * cos;
            }
            return true;
        }));
        return copy;
    }
}
