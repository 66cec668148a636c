using NetTopologySuite.Geometries;
using Sam.Geo.Raster;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Pipeline;

/// <summary>
/// Draws polygons over imagery for a person to look at: a translucent tint inside each polygon and a
/// solid outline along its rings. Coordinates are image pixels (corner origin).
/// </summary>
public static class PreviewRenderer
{
    private static readonly (byte R, byte G, byte B)[] Palette =
        [(255, 221, 0), (0, 229, 255), (255, 64, 129), (118, 255, 3), (255, 145, 0), (213, 0, 249)];

    /// <summary>Tints and outlines <paramref name="polygons"/> into <paramref name="rgb"/> (interleaved RGB, in place).</summary>
    public static void Draw(byte[] rgb, int width, int height, IReadOnlyList<Geometry> polygons)
    {
        for (int i = 0; i < polygons.Count; i++)
        {
            var colour = Palette[i % Palette.Length];
            Tint(rgb, width, height, polygons[i], colour);
            foreach (var ring in Rings(polygons[i]))
                for (int k = 1; k < ring.Count; k++)
                    Line(rgb, width, height, ring.GetX(k - 1), ring.GetY(k - 1), ring.GetX(k), ring.GetY(k), colour);
        }
    }

    /// <summary>Writes interleaved RGB as a PNG file.</summary>
    public static void SavePng(ReadOnlySpan<byte> rgb, int width, int height, string path)
    {
        using var image = GeoRaster.CreateInMemory(width, height, 3, RasterDataType.Byte);
        var band = new byte[width * height];
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < band.Length; i++) band[i] = rgb[3 * i + c];
            image.Write<byte>(c + 1, new PixelWindow(0, 0, width, height), band);
        }
        image.SaveAs(path, "PNG");
    }

    private static IEnumerable<CoordinateSequence> Rings(Geometry g)
    {
        for (int i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon p) continue;
            yield return p.ExteriorRing.CoordinateSequence;
            foreach (var hole in p.InteriorRings) yield return hole.CoordinateSequence;
        }
    }

    /// <summary>Pixel-centre fill, blended 35% towards the colour.</summary>
    private static void Tint(byte[] image, int width, int height, Geometry g, (byte R, byte G, byte B) c)
    {
        PolygonRasterizer.Fill(g, width, 0, height, (row, c0, c1) =>
        {
            for (int col = c0; col <= c1; col++)
            {
                int o = 3 * (row * width + col);
                image[o] = (byte)((image[o] * 65 + c.R * 35) / 100);
                image[o + 1] = (byte)((image[o + 1] * 65 + c.G * 35) / 100);
                image[o + 2] = (byte)((image[o + 2] * 65 + c.B * 35) / 100);
            }
        });
    }

    private static void Line(Span<byte> rgb, int width, int height, double x0, double y0, double x1, double y1, (byte R, byte G, byte B) c)
    {
        int steps = (int)Math.Ceiling(Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) * 2) + 1;
        for (int s = 0; s <= steps; s++)
        {
            double t = s / (double)steps;
            int px = (int)Math.Floor(x0 + t * (x1 - x0)), py = (int)Math.Floor(y0 + t * (y1 - y0));
            for (int dy = -1; dy <= 0; dy++)
                for (int dx = -1; dx <= 0; dx++)
                {
                    int x = px + dx, y = py + dy;
                    if (x < 0 || y < 0 || x >= width || y >= height) continue;
                    int o = 3 * (y * width + x);
                    (rgb[o], rgb[o + 1], rgb[o + 2]) = (c.R, c.G, c.B);
                }
        }
    }
}
