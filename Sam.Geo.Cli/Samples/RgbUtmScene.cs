using NetTopologySuite.Geometries;
using Sam.Geo.Raster;
using static Sam.Geo.Cli.Samples.Palette.Rgb;

namespace Sam.Geo.Cli.Samples;

/// <summary>
/// <c>rgb-utm.tif</c>: 2000×1500 8-bit RGB at 0.5 m in UTM 32N (EPSG:32632), centred on the zone's central
/// meridian (9°E) at 45°N. Fields (one 1280 px wide), a lake, a road network, a village of buildings
/// (rotated, L-shaped, one with a courtyard) and trees.
/// </summary>
public static class RgbUtmScene
{
    /// <summary>File name in the samples folder.</summary>
    public const string FileName = "rgb-utm.tif";

    /// <summary>Size in pixels.</summary>
    public const int Width = 2000, Height = 1500;

    /// <summary>0.5 m pixels; the raster spans eastings 499500–500500 and northings 4982575–4983325.</summary>
    public static SceneGeoreference Georeference { get; } = new(new GeoTransform(499500, 0.5, 0, 4983325, 0, -0.5), 32632);

    /// <summary>The scene (deterministic).</summary>
    public static SceneBuilder Build()
    {
        var s = new SceneBuilder(Width, Height, Meadow, Texture.Noise(0.12, 40, chroma: 0.04), seed: 32632);

        s.Add("field", Shapes.Polygon((30, 30), (1310, 30), (1310, 560), (60, 585)), Wheat, Texture.Rows(0.06, 8, 0));
        s.Add("field", Shapes.Box(30, 612, 640, 1010), GreenCrop, Texture.Rows(0.08, 10, 30));
        s.Add("field", Shapes.Box(682, 612, 1310, 1010), Soil, Texture.Rows(0.07, 7, 90));
        s.Add("field", Shapes.Polygon((30, 1078), (760, 1078), (718, 1470), (30, 1470)), Rapeseed, Texture.Noise(0.05, 30, chroma: 0.02));
        s.Add("lake", Shapes.Blob(1020, 1280, 190, 140, seed: 7, irregularity: 0.2), Water, Texture.Noise(0.08, 60));

        s.Add("road", Shapes.Roads(14,
            [(-20, 1044), (700, 1052), (1350, 1050), (2020, 1038)],
            [(1352, -20), (1348, 1050)],
            [(1350, 505), (1700, 512), (2020, 520)]), Asphalt, Texture.Noise(0.04, 12));

        // Trees in the green crop field (holes in its truth) and a row along the main road.
        foreach (var (x, y, r) in new[] { (200.0, 750.0, 8.0), (420, 880, 7), (520, 700, 9) })
            s.Add("tree", Shapes.Disc(x, y, r), Tree, Texture.Noise(0.12, 3));
        for (int i = 0; i < 21; i++)
            s.Add("tree", Shapes.Disc(70 + i * 60 + (i % 3) * 4, 1025 - (i % 2), 5 + i % 3), Tree, Texture.Noise(0.12, 3));

        AddVillage(s);
        AddGardenTrees(s, new DeterministicRandom(45), count: 40, Shapes.Box(1368, 20, 1995, 1490));
        return s;
    }

    private static void AddVillage(SceneBuilder s)
    {
        int roof = 0;
        void Building(Polygon shape) => s.Add("building", shape, Roofs[roof++ % Roofs.Length], Texture.Noise(0.04, 6));

        Building(Shapes.Rectangle(1420, 80, 40, 60));
        Building(Shapes.Rectangle(1505, 90, 50, 36, 15));
        Building(Shapes.Rectangle(1605, 72, 70, 44));
        Building(Shapes.Rectangle(1722, 100, 36, 36, 30));
        Building(Shapes.Rectangle(1860, 90, 90, 50, -10));
        Building(Shapes.LShape(1395, 190, 90, 80, 40, 40));
        s.Add("building", Shapes.Courtyard(1540, 190, 130, 110, 30), Roofs[0], Texture.Noise(0.04, 6));
        Building(Shapes.Rectangle(1780, 240, 60, 40, 25));
        Building(Shapes.Rectangle(1910, 250, 50, 70));
        Building(Shapes.Rectangle(1470, 390, 70, 46, -8));
        Building(Shapes.Rectangle(1640, 400, 56, 56, 40));
        Building(Shapes.Rectangle(1840, 400, 110, 44, 3));

        Building(Shapes.Rectangle(1420, 600, 44, 64));
        Building(Shapes.Rectangle(1522, 618, 60, 40, -20));
        Building(Shapes.Rectangle(1640, 600, 80, 50));
        Building(Shapes.Rectangle(1760, 640, 40, 40, 45));
        Building(Shapes.Rectangle(1885, 610, 70, 44, 10));
        s.Add("building", Shapes.Rectangle(1575, 780, 250, 120), Roofs[1], Texture.Noise(0.03, 20));
        Building(Shapes.Rectangle(1830, 780, 100, 60, 5));
        Building(Shapes.Rectangle(1420, 930, 40, 40));
        Building(Shapes.Rectangle(1522, 935, 50, 36, 12));
        Building(Shapes.Rectangle(1650, 940, 60, 50));
        Building(Shapes.Rectangle(1800, 935, 90, 40, -5));
        Building(Shapes.Rectangle(1930, 945, 40, 60));

        Building(Shapes.Rectangle(1420, 1150, 60, 40));
        Building(Shapes.Rectangle(1550, 1160, 50, 50, 20));
        Building(Shapes.LShape(1660, 1110, 100, 90, 45, 50, -12));
        Building(Shapes.Rectangle(1860, 1170, 60, 60, -15));
        Building(Shapes.Rectangle(1450, 1320, 44, 70));
        Building(Shapes.Rectangle(1610, 1330, 100, 40, 8));
        Building(Shapes.Rectangle(1810, 1330, 70, 70));
        Building(Shapes.Rectangle(1500, 1440, 80, 36, -3));
        Building(Shapes.Rectangle(1900, 1440, 56, 44, 18));
    }

    /// <summary>Trees at random spots of <paramref name="area"/> that keep 3 px away from every object already placed.</summary>
    internal static void AddGardenTrees(SceneBuilder s, DeterministicRandom random, int count, Geometry area)
    {
        var env = area.EnvelopeInternal;
        for (int placed = 0, tries = 0; placed < count && tries < 50 * count; tries++)
        {
            double r = random.Next(4, 9);
            var disc = Shapes.Disc(Math.Round(random.Next(env.MinX, env.MaxX), 2), Math.Round(random.Next(env.MinY, env.MaxY), 2), Math.Round(r, 2));
            if (!area.Contains(disc)) continue;
            var clearance = disc.Buffer(3);
            if (s.Objects.Any(o => o.Shape.EnvelopeInternal.Intersects(clearance.EnvelopeInternal) && o.Shape.Intersects(clearance))) continue;
            s.Add("tree", disc, Tree, Texture.Noise(0.12, 3));
            placed++;
        }
    }
}
