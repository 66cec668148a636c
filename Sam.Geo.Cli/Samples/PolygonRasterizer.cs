using NetTopologySuite.Geometries;

namespace Sam.Geo.Cli.Samples;

/// <summary>
/// Scanline rasterizer for polygonal geometries in pixel coordinates (GDAL corner origin): a pixel belongs
/// to the shape when its centre (col+0.5, row+0.5) lies inside (even-odd over all rings, so holes count).
/// A centre exactly on a left edge is inside, on a right edge outside.
/// </summary>
public static class PolygonRasterizer
{
    /// <summary>Called once per run of covered pixels: columns [colStart, colEnd) of <paramref name="row"/>.</summary>
    public delegate void SpanAction(int row, int colStart, int colEnd);

    /// <summary>Visits the covered pixel runs of <paramref name="shape"/> inside a width×height raster.</summary>
    public static void ForEachSpan(Geometry shape, int width, int height, SpanAction action)
    {
        var edges = CollectEdges(shape);
        if (edges.Count == 0) return;
        var env = shape.EnvelopeInternal;
        int rowFirst = Math.Max(0, (int)Math.Ceiling(env.MinY - 0.5));
        int rowLast = Math.Min(height - 1, (int)Math.Floor(env.MaxY - 0.5));
        var crossings = new List<double>();
        for (int row = rowFirst; row <= rowLast; row++)
        {
            double yc = row + 0.5;
            crossings.Clear();
            foreach (var (x0, y0, x1, y1) in edges)
                if ((y0 <= yc) != (y1 <= yc))
                    crossings.Add(x0 + (yc - y0) * (x1 - x0) / (y1 - y0));
            crossings.Sort();
            for (int i = 0; i + 1 < crossings.Count; i += 2)
            {
                int c0 = Math.Max(0, (int)Math.Ceiling(crossings[i] - 0.5));
                int c1 = Math.Min(width, (int)Math.Ceiling(crossings[i + 1] - 0.5));
                if (c1 > c0) action(row, c0, c1);
            }
        }
    }

    /// <summary>The shape as a row-major 0/1 mask of width×height.</summary>
    public static byte[] ToMask(Geometry shape, int width, int height)
    {
        var mask = new byte[width * height];
        ForEachSpan(shape, width, height, (row, c0, c1) => mask.AsSpan(row * width + c0, c1 - c0).Fill(1));
        return mask;
    }

    private static List<(double X0, double Y0, double X1, double Y1)> CollectEdges(Geometry shape)
    {
        var edges = new List<(double, double, double, double)>();
        for (int g = 0; g < shape.NumGeometries; g++)
        {
            if (shape.GetGeometryN(g) is not Polygon polygon) continue;
            AddRing(polygon.ExteriorRing, edges);
            foreach (var hole in polygon.InteriorRings) AddRing(hole, edges);
        }
        return edges;
    }

    private static void AddRing(LineString ring, List<(double, double, double, double)> edges)
    {
        var seq = ring.CoordinateSequence;
        for (int i = 0; i + 1 < seq.Count; i++)
        {
            double y0 = seq.GetY(i), y1 = seq.GetY(i + 1);
            if (y0 != y1) edges.Add((seq.GetX(i), y0, seq.GetX(i + 1), y1));
        }
    }
}
