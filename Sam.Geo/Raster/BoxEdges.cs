namespace Sam.Geo.Raster;

/// <summary>Points along the four edges of an axis-aligned box, for transforming it as a curve, not as corners.</summary>
public static class BoxEdges
{
    /// <summary>
    /// <paramref name="pointsPerEdge"/> points on each edge (corners included), x first, as two arrays.
    /// </summary>
    public static (double[] Xs, double[] Ys) Densify(double minX, double minY, double maxX, double maxY, int pointsPerEdge)
    {
        int n = Math.Max(2, pointsPerEdge);
        var xs = new double[4 * n];
        var ys = new double[4 * n];
        for (int i = 0; i < n; i++)
        {
            double t = i / (double)(n - 1);
            double x = minX + t * (maxX - minX), y = minY + t * (maxY - minY);
            (xs[i], ys[i]) = (x, minY);
            (xs[n + i], ys[n + i]) = (x, maxY);
            (xs[2 * n + i], ys[2 * n + i]) = (minX, y);
            (xs[3 * n + i], ys[3 * n + i]) = (maxX, y);
        }
        return (xs, ys);
    }
}
