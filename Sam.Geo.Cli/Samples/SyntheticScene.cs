using NetTopologySuite.Geometries;
using Sam.Geo.Raster;

namespace Sam.Geo.Cli.Samples;

/// <summary>
/// Flat-coloured synthetic scenes of any size for tests: every object has its own colour (no texture) on a
/// flat dark background, so an object's pixels are exactly those of its colour. Objects straddle the
/// 1024-pixel tile borders and one object is partly covered by a later one.
/// </summary>
public static class SyntheticScene
{
    /// <summary>Tile size whose borders the objects cross.</summary>
    public const int TileBorderPx = 1024;

    /// <summary>Flat background colour.</summary>
    public static IReadOnlyList<double> Background { get; } = [24, 24, 24];

    /// <summary>Default georeference: UTM 32N, 0.5 m pixels, top-left at (499500, 4983325) near 9°E 45°N.</summary>
    public static SceneGeoreference DefaultGeoreference { get; } = new(new GeoTransform(499500, 0.5, 0, 4983325, 0, -0.5), 32632);

    /// <summary>
    /// Builds and writes a flat scene as an RGB GeoTIFF at <paramref name="rasterPath"/> with its truth file.
    /// </summary>
    /// <param name="rasterPath">Where to write the GeoTIFF (the truth goes next to it).</param>
    /// <param name="width">Width in pixels (at least 64).</param>
    /// <param name="height">Height in pixels (at least 64).</param>
    /// <param name="seed">Chooses the random objects.</param>
    /// <param name="georeference">Where the scene lies; <see cref="DefaultGeoreference"/> when null.</param>
    public static SampleRaster WriteFlat(string rasterPath, int width, int height, int seed = 1, SceneGeoreference? georeference = null) =>
        SceneWriter.Write(BuildFlat(width, height, seed), rasterPath, georeference ?? DefaultGeoreference, RasterFormat.Rgb8);

    /// <summary>The flat scene without writing it (render it with <see cref="SceneBuilder.Render"/>).</summary>
    public static SceneBuilder BuildFlat(int width, int height, int seed = 1)
    {
        if (width < 64 || height < 64) throw new ArgumentOutOfRangeException(nameof(width), $"a synthetic scene needs at least 64x64 pixels, not {width}x{height}");
        var s = new SceneBuilder(width, height, Background, seed: seed);
        var random = new DeterministicRandom(seed);
        int next = 0;
        void Add(string cls, Polygon p) => s.Add(cls, p, ColorOf(next++), Texture.Flat);

        // Straddlers first: a box across each vertical tile border, a disc across each horizontal one,
        // a blob over each tile corner.
        for (int x = TileBorderPx; x < width; x += TileBorderPx)
            Add("building", Shapes.Rectangle(x + 7.3, Math.Min(height - 80, 300 + x % 700), 180, 110, 12));
        for (int y = TileBorderPx; y < height; y += TileBorderPx)
            Add("tree", Shapes.Disc(Math.Min(width - 70, 420 + y % 500), y - 5.7, 60, 48));
        for (int x = TileBorderPx; x < width; x += TileBorderPx)
            for (int y = TileBorderPx; y < height; y += TileBorderPx)
                Add("lake", Shapes.Blob(x + 11, y - 9, 140, 110, seed: x + y, irregularity: 0.2));

        // Random objects that keep clear of each other.
        int wanted = Math.Max(4, (int)((long)width * height / 200_000));
        for (int tries = 0, placed = 0; placed < wanted && tries < 40 * wanted; tries++)
        {
            double size = random.Next(24, Math.Min(260, Math.Min(width, height) / 3.0));
            double cx = random.Next(size, width - size), cy = random.Next(size, height - size);
            double angle = Math.Round(random.Next(-40, 40), 1);
            double kind = random.Next();
            Polygon p = kind < 0.4 ? Shapes.Rectangle(cx, cy, size, size * random.Next(0.4, 1), angle)
                : kind < 0.6 ? Shapes.Disc(cx, cy, size / 2, 32)
                : kind < 0.8 ? Shapes.Blob(cx, cy, size / 2, size / 2.5, seed: tries, irregularity: 0.25)
                : Shapes.LShape(cx - size / 2, cy - size / 2, size, size * 0.8, size * 0.45, size * 0.4, angle);
            var clearance = p.Buffer(6);
            if (s.Objects.Any(o => o.Shape.EnvelopeInternal.Intersects(clearance.EnvelopeInternal) && o.Shape.Intersects(clearance))) continue;
            Add(kind < 0.4 ? "building" : kind < 0.6 ? "tree" : kind < 0.8 ? "lake" : "building", p);
            placed++;
        }

        // One deliberate overlap: a field partly covered by a later building (the field's truth loses that part).
        double fx = width * 0.1, fy = height * 0.75;
        if (!s.Objects.Any(o => o.Shape.Intersects(Shapes.Box(fx - 4, fy - 4, fx + 64, fy + 44))))
        {
            Add("field", Shapes.Box(fx, fy, fx + 48, fy + 40));
            Add("building", Shapes.Rectangle(fx + 48, fy + 20, 24, 16, 20));
        }
        return s;
    }

    /// <summary>A colour unique to the n-th object (golden-ratio hues, alternating lightness); never the background.</summary>
    public static IReadOnlyList<double> ColorOf(int n)
    {
        double hue = (n * 0.6180339887498949) % 1.0;
        double value = n % 3 == 0 ? 250 : n % 3 == 1 ? 200 : 150;
        double saturation = (n / 3) % 2 == 0 ? 0.85 : 0.55;
        var (r, g, b) = HsvToRgb(hue * 6, saturation, value);
        return [Math.Round(r), Math.Round(g), Math.Round(b)];
    }

    private static (double R, double G, double B) HsvToRgb(double h, double s, double v)
    {
        double c = v * s, x = c * (1 - Math.Abs(h % 2 - 1)), m = v - c;
        var (r, g, b) = h < 1 ? (c, x, 0.0) : h < 2 ? (x, c, 0.0) : h < 3 ? (0.0, c, x) : h < 4 ? (0.0, x, c) : h < 5 ? (x, 0.0, c) : (c, 0.0, x);
        return (r + m, g + m, b + m);
    }
}
