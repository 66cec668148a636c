using NetTopologySuite.Geometries;

namespace Sam.Geo.Vectorization;

/// <summary>
/// Burns polygons into pixels by the pixel-centre rule (a pixel belongs to a polygon when its centre lies
/// inside; even-odd over all rings, so holes stay empty). The inverse of <see cref="MaskVectorizer"/>:
/// rasterizing a vectorized mask gives the mask back.
/// </summary>
public static class PolygonRasterizer
{
    /// <summary>The geometry as a row-major 0/1 mask of <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static byte[] ToMask(Geometry pixelGeometry, int width, int height)
    {
        var mask = new byte[width * height];
        Fill(pixelGeometry, width, 0, height, (row, c0, c1) => mask.AsSpan(row * width + c0, c1 - c0 + 1).Fill(1));
        return mask;
    }

    /// <summary>
    /// Calls <paramref name="span"/>(row, firstCol, lastCol) for every run of covered pixels whose row lies in
    /// [<paramref name="rowStart"/>, <paramref name="rowEnd"/>) and column in [0, <paramref name="width"/>).
    /// Coordinates are pixels of that grid (corner origin).
    /// </summary>
    public static void Fill(Geometry pixelGeometry, int width, int rowStart, int rowEnd, Action<int, int, int> span)
    {
        var rings = new List<CoordinateSequence>();
        for (int i = 0; i < pixelGeometry.NumGeometries; i++)
        {
            if (pixelGeometry.GetGeometryN(i) is not Polygon p || p.IsEmpty) continue;
            rings.Add(p.ExteriorRing.CoordinateSequence);
            foreach (var hole in p.InteriorRings) rings.Add(hole.CoordinateSequence);
        }
        var env = pixelGeometry.EnvelopeInternal;
        int r0 = Math.Max(rowStart, (int)Math.Floor(env.MinY)), r1 = Math.Min(rowEnd - 1, (int)Math.Ceiling(env.MaxY));
        var xs = new List<double>();
        for (int row = r0; row <= r1; row++)
        {
            double y = row + 0.5;
            xs.Clear();
            foreach (var ring in rings)
                for (int k = 1; k < ring.Count; k++)
                {
                    double ya = ring.GetY(k - 1), yb = ring.GetY(k);
                    if ((ya <= y) == (yb <= y)) continue;
                    double xa = ring.GetX(k - 1), xb = ring.GetX(k);
                    xs.Add(xa + (y - ya) / (yb - ya) * (xb - xa));
                }
            xs.Sort();
            for (int k = 0; k + 1 < xs.Count; k += 2)
            {
                // pixel c is covered when its centre c + 0.5 lies in [xs[k], xs[k+1])
                int c0 = Math.Max(0, (int)Math.Ceiling(xs[k] - 0.5));
                int c1 = Math.Min(width - 1, (int)Math.Ceiling(xs[k + 1] - 0.5) - 1);
                if (c1 >= c0) span(row, c0, c1);
            }
        }
    }
}
