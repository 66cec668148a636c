using Sam.Geo.Raster;
using Bgrn = Sam.Geo.Cli.Samples.Palette.Bgrn;
using Rgb = Sam.Geo.Cli.Samples.Palette.Rgb;

namespace Sam.Geo.Cli.Samples;

/// <summary>The three small samples: 16-bit multispectral in Web Mercator, a rotated geotransform, and lon/lat pixels.</summary>
public static class SmallScenes
{
    /// <summary><c>multispectral-uint16.tif</c>: 800×600, 4 bands B,G,R,NIR (UInt16, nodata 0 outside a tilted swath), EPSG:3857, 10 m pixels near 9°E 45°N.</summary>
    public const string MultispectralFile = "multispectral-uint16.tif";

    /// <summary><c>rotated.tif</c>: 400×300 RGB, EPSG:32633, 0.5 m pixels, grid turned by 20°.</summary>
    public const string RotatedFile = "rotated.tif";

    /// <summary><c>wgs84.tif</c>: 500×400 RGB, EPSG:4326, 1e-5° pixels.</summary>
    public const string Wgs84File = "wgs84.tif";

    /// <summary>Georeference of the multispectral sample (Web Mercator metres; ~7 m on the ground at 45°N).</summary>
    public static SceneGeoreference MultispectralGeoreference { get; } = new(new GeoTransform(997880, 10, 0, 5624520, 0, -10), 3857);

    /// <summary>Rotation of the rotated sample's grid in degrees.</summary>
    public const double RotationDegrees = 20;

    /// <summary>Georeference of the rotated sample: column axis turned 20° from east, near 15°E 45°N.</summary>
    public static SceneGeoreference RotatedGeoreference { get; } = Rotated(499900, 4983000, 0.5, RotationDegrees);

    /// <summary>Georeference of the lon/lat sample: top-left at 8.998°E 45.003°N.</summary>
    public static SceneGeoreference Wgs84Georeference { get; } = new(new GeoTransform(8.998, 1e-5, 0, 45.003, 0, -1e-5), 4326);

    /// <summary>A north-up-handed geotransform whose column axis is turned <paramref name="degrees"/> anticlockwise from east.</summary>
    public static SceneGeoreference Rotated(double x0, double y0, double pixelSize, double degrees)
    {
        double a = degrees * Math.PI / 180, c = pixelSize * Math.Cos(a), s = pixelSize * Math.Sin(a);
        return new(new GeoTransform(x0, c, s, y0, s, -c), 32633);
    }

    /// <summary>The multispectral scene, with its valid-data swath.</summary>
    public static SceneBuilder Multispectral()
    {
        var s = new SceneBuilder(800, 600, Bgrn.Grass, Texture.Noise(0.06, 40), seed: 3857);
        s.ValidArea = Shapes.Polygon((24, 14), (786, 40), (776, 588), (12, 566));
        s.Add("field", Shapes.Box(60, 60, 300, 250), Bgrn.Wheat, Texture.Rows(0.03, 6, 0, chroma: 0));
        s.Add("field", Shapes.Box(320, 60, 520, 250), Bgrn.GreenCrop, Texture.Rows(0.03, 5, 90, chroma: 0));
        s.Add("field", Shapes.Polygon((60, 272), (250, 272), (250, 520), (80, 540)), Bgrn.Soil, Texture.Noise(0.03, 30));
        s.Add("wood", Shapes.Blob(400, 410, 110, 80, seed: 11, irregularity: 0.2), Bgrn.Wood, Texture.Noise(0.05, 8));
        s.Add("lake", Shapes.Blob(680, 420, 68, 60, seed: 5, irregularity: 0.2), Bgrn.Water, Texture.Noise(0.03, 40));
        s.Add("road", Shapes.Roads(4, [(0, 261), (800, 263)], [(560, 0), (562, 600)]), Bgrn.Asphalt, Texture.Noise(0.02, 10));
        for (int i = 0; i < 12; i++)
        {
            double x = 600 + (i % 4) * 42, y = 80 + (i / 4) * 55;
            s.Add("building", Shapes.Rectangle(x, y, 14 + (i % 3) * 6, 10 + (i % 2) * 8, (i % 5) * 9),
                i % 2 == 0 ? Bgrn.Concrete : Bgrn.RedRoof, Texture.Noise(0.02, 6));
        }
        return s;
    }

    /// <summary>The rotated scene (drawn on the image grid; the geotransform turns it on the ground).</summary>
    public static SceneBuilder RotatedScene()
    {
        var s = new SceneBuilder(400, 300, Rgb.Meadow, Texture.Noise(0.12, 30, chroma: 0.04), seed: 32633);
        s.Add("field", Shapes.Box(10, 10, 190, 140), Rgb.Wheat, Texture.Rows(0.06, 8, 0));
        s.Add("field", Shapes.Box(10, 176, 150, 290), Rgb.Soil, Texture.Rows(0.07, 7, 60));
        s.Add("lake", Shapes.Blob(320, 235, 55, 40, seed: 3, irregularity: 0.2), Rgb.Water, Texture.Noise(0.08, 30));
        s.Add("road", Shapes.Roads(10, [(-10, 158), (410, 160)]), Rgb.Asphalt, Texture.Noise(0.04, 12));
        s.Add("building", Shapes.Rectangle(240, 50, 60, 40), Rgb.Roofs[0], Texture.Noise(0.04, 6));
        s.Add("building", Shapes.Rectangle(340, 60, 50, 70, 25), Rgb.Roofs[1], Texture.Noise(0.04, 6));
        s.Add("building", Shapes.LShape(210, 90, 70, 50, 30, 25), Rgb.Roofs[2], Texture.Noise(0.04, 6));
        s.Add("building", Shapes.Rectangle(200, 225, 44, 30, -15), Rgb.Roofs[3], Texture.Noise(0.04, 6));
        RgbUtmScene.AddGardenTrees(s, new DeterministicRandom(33), count: 8, Shapes.Box(195, 170, 395, 295));
        return s;
    }

    /// <summary>The lon/lat scene.</summary>
    public static SceneBuilder Wgs84Scene()
    {
        var s = new SceneBuilder(500, 400, Rgb.Meadow, Texture.Noise(0.12, 30, chroma: 0.04), seed: 4326);
        s.Add("field", Shapes.Polygon((10, 10), (260, 10), (260, 190), (30, 190)), Rgb.GreenCrop, Texture.Rows(0.08, 9, 45));
        s.Add("field", Shapes.Box(10, 220, 200, 390), Rgb.Rapeseed, Texture.Noise(0.05, 30, chroma: 0.02));
        s.Add("lake", Shapes.Blob(390, 300, 70, 55, seed: 9, irregularity: 0.2), Rgb.Water, Texture.Noise(0.08, 30));
        s.Add("road", Shapes.Roads(10, [(280, -10), (285, 410)], [(-10, 205), (285, 205)]), Rgb.Asphalt, Texture.Noise(0.04, 12));
        s.Add("building", Shapes.Rectangle(340, 50, 50, 36), Rgb.Roofs[0], Texture.Noise(0.04, 6));
        s.Add("building", Shapes.Rectangle(430, 60, 40, 56, 30), Rgb.Roofs[2], Texture.Noise(0.04, 6));
        s.Add("building", Shapes.Courtyard(320, 110, 90, 80, 22), Rgb.Roofs[4], Texture.Noise(0.04, 6));
        s.Add("building", Shapes.Rectangle(250, 300, 40, 30, -20), Rgb.Roofs[3], Texture.Noise(0.04, 6));
        RgbUtmScene.AddGardenTrees(s, new DeterministicRandom(43), count: 10, Shapes.Box(300, 10, 495, 395));
        return s;
    }
}
