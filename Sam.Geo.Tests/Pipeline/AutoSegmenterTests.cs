using NetTopologySuite.Geometries;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Pipeline.Auto;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Pipeline;

public sealed class AutoSegmenterTests : IDisposable
{
    /// <summary>
    /// Objects smaller than this are left out of the truth checks: the test encoder's 4x upsampling of a
    /// 256-px tile blurs edges, which erodes masks by about a pixel, and 8 clicks per side may miss them.
    /// </summary>
    private const double CheckedArea = 2000;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(1)]
    public void Run_SceneAcrossSeams_EachObjectFoundOnceWithIouAbove09(int seed)
    {
        var scene = AutoFixture.WriteScene(_dir.File("scene.tif"), 600, 500, seed);
        string output = _dir.File("auto.gpkg");

        var result = AutoFixture.Run(scene.RasterPath, output);

        Assert.Equal(9, result.TileCount);
        AutoFixture.AssertEachObjectFoundOnce(scene, AutoFixture.ReadPixelFeatures(output, scene.RasterPath), CheckedArea);
    }

    [Fact]
    public void Run_ObjectsLargerThanATileAndAcrossCorners_OneFeatureEach()
    {
        // Tiles of 128 px with 16 px overlap: cores meet at x = 120, 232, ... and y = 120, 232.
        var shapes = new (string, Geometry)[]
        {
            ("lake", Shapes.Blob(150, 140, 105, 80, seed: 3, irregularity: 0.2)), // spans 3 x 3 tiles
            ("building", Shapes.Rectangle(330, 60, 70, 40, 10)),                  // across the seam at x = 344
            ("tree", Shapes.Disc(345, 232, 35)),                                  // over a tile corner
            ("field", Shapes.LShape(40, 250, 300, 40, 200, 20)),                  // a long thin L along the bottom row
        };
        var scene = AutoFixture.WriteShapes(_dir.File("large.tif"), 420, 300, shapes);
        string output = _dir.File("large.gpkg");

        var result = AutoFixture.Run(scene.RasterPath, output, tileSize: 128, overlap: 16);

        Assert.True(result.TileCount >= 12);
        var features = AutoFixture.ReadPixelFeatures(output, scene.RasterPath);
        AutoFixture.AssertEachObjectFoundOnce(scene, features, CheckedArea);
        // The background is one object too; nothing else (no duplicates, no slivers along seams).
        Assert.Equal(shapes.Length + 1, features.Count);
    }

    [Fact]
    public void Run_ObjectOnlyOneTileClicks_NoStraightCutAtTheCoreBoundary()
    {
        // 2 x 2 tiles of 256 px with 32 px overlap: windows [0, 256) and [224, 480), cores meet at 240. With 2 clicks
        // per side a tile clicks at 64 and 192 of its window (x = 64, 192, 288, 416 on the raster), so each object
        // below is clicked by one tile only and has a strip in a neighbour's core that the neighbour leaves empty.
        var shapes = new (string, Geometry)[]
        {
            ("east", Shapes.Box(150, 30, 254, 100)),  // clicked at (192, 64) by tile r0c0; 14 px in r0c1's core
            ("west", Shapes.Box(226, 380, 330, 450)), // clicked at (288, 416) by tile r1c1; 14 px in r1c0's core
            ("south", Shapes.Box(30, 150, 100, 254)), // clicked at (64, 192) by tile r0c0; 14 px in r1c0's core
        };
        var scene = AutoFixture.WriteShapes(_dir.File("cut.tif"), 480, 480, shapes);
        string output = _dir.File("cut.gpkg");

        var result = AutoFixture.Run(scene.RasterPath, output, AutoFixture.Options with { PointsPerSide = 2 });

        Assert.Equal(4, result.TileCount);
        var features = AutoFixture.ReadPixelFeatures(output, scene.RasterPath);
        AutoFixture.AssertEachObjectFoundOnce(scene, features, minAreaPixels: 0);
        foreach (var o in scene.Objects)
        {
            var f = features.Single(f => f.Pixel.Intersection(o.Pixel).Area > 0.05 * o.Pixel.Area).Pixel;
            Assert.True(f.Area >= 0.95 * o.Pixel.Area, $"{o.Class}: feature area {f.Area:0} px² of {o.Pixel.Area:0} (cut at a core boundary)");
        }
    }

    [Fact]
    public void Run_PieceReachingLowerInALeftNeighboursCoreThanInItsOwn_OneFeature()
    {
        // 2 x 3 tiles of 256 px with 32 px overlap: tile r2c1's window is [224, 480) x [448, 704), its core starts at
        // x = 240, y = 464; with 4 clicks per side it clicks at x = 256, 320, ... and y = 480, 544, ... Only r2c1 clicks
        // the object: its arm lies in r2c1's core above the strip boundary at y = 512, its bar in r2c0's core (which
        // r2c0 leaves empty) reaches down to y = 690. The piece's bounds must cover both, or the output strips emit
        // the object before they reach the bar and write the bar as a second feature.
        var shapes = new (string, Geometry)[]
        {
            ("hook", Shapes.Polygon((226, 470), (340, 470), (340, 500), (238, 500), (238, 690), (226, 690))),
        };
        var scene = AutoFixture.WriteShapes(_dir.File("hook.tif"), 480, 704, shapes);
        string output = _dir.File("hook.gpkg");

        var result = AutoFixture.Run(scene.RasterPath, output, AutoFixture.Options with { PointsPerSide = 4 });

        Assert.Equal(6, result.TileCount);
        var features = AutoFixture.ReadPixelFeatures(output, scene.RasterPath);
        AutoFixture.AssertEachObjectFoundOnce(scene, features, minAreaPixels: 0);
        Assert.Equal(features.Count, features.Select(f => f.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(200, 150, 1)] // smaller than a tile
    [InlineData(256, 256, 1)] // exactly one tile
    [InlineData(600, 200, 3)] // one row of tiles
    public void Run_SmallGrids_EachObjectFoundOnce(int width, int height, int tiles)
    {
        var shapes = new (string, Geometry)[]
        {
            ("building", Shapes.Rectangle(width * 0.3, height * 0.5, 60, 50, 15)),
            ("lake", Shapes.Blob(width * 0.75, height * 0.45, 35, 30, seed: 1)),
        };
        var scene = AutoFixture.WriteShapes(_dir.File("small.tif"), width, height, shapes);
        string output = _dir.File("small.gpkg");

        var result = AutoFixture.Run(scene.RasterPath, output);

        Assert.Equal(tiles, result.TileCount);
        AutoFixture.AssertEachObjectFoundOnce(scene, AutoFixture.ReadPixelFeatures(output, scene.RasterPath), CheckedArea);
    }

    [Fact]
    public void Run_MostlyNodata_SkipsEmptyTilesAndStaysInsideValidData()
    {
        var valid = Shapes.Box(20, 20, 230, 230);
        var shapes = new (string, Geometry)[]
        {
            ("building", Shapes.Rectangle(110, 100, 80, 60, 20)),
            ("lake", Shapes.Disc(200, 200, 50)), // crosses the edge of the valid data
            ("tree", Shapes.Disc(450, 400, 40)), // entirely on nodata
        };
        var scene = AutoFixture.WriteShapes(_dir.File("nodata.tif"), 600, 500, shapes, valid);
        string output = _dir.File("nodata.gpkg");

        var result = AutoFixture.Run(scene.RasterPath, output);

        Assert.True(result.TilesSkipped >= 4, $"{result.TilesSkipped} tiles skipped");
        var features = AutoFixture.ReadPixelFeatures(output, scene.RasterPath);
        AutoFixture.AssertEachObjectFoundOnce(scene, features, CheckedArea);
        var validArea = valid.Buffer(0.01);
        Assert.All(features, f => Assert.True(validArea.Contains(f.Pixel), $"feature {f.Id} reaches into nodata"));
    }

    [Fact]
    public void Run_ResumeAfterCancellation_SameFeaturesAsUninterrupted()
    {
        var scene = AutoFixture.WriteScene(_dir.File("scene.tif"), 600, 400, seed: 3); // 3 x 2 tiles
        string reference = _dir.File("reference.gpkg"), output = _dir.File("resumed.gpkg");
        AutoFixture.Run(scene.RasterPath, reference);

        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => AutoFixture.Run(scene.RasterPath, output,
            progress: p => { if (p.TilesDone == 4) cancel.Cancel(); }, cancellation: cancel.Token));
        Assert.False(File.Exists(output), "a cancelled run left an output");
        Assert.True(Directory.Exists(AutoSegmenter.WorkDirectoryFor(output)), "a cancelled run lost its work folder");

        var resumed = AutoFixture.Run(scene.RasterPath, output, resume: true);

        Assert.Equal(4, resumed.TilesResumed);
        Assert.False(Directory.Exists(AutoSegmenter.WorkDirectoryFor(output)), "the work folder outlived a finished run");
        AssertSameFeatures(reference, output, scene.RasterPath);
    }

    [Fact]
    public void Run_ResumeAfterATileWroteLabelsButNotItsJournalLine_SameFeaturesAsUninterrupted()
    {
        // Tile 4 claims pixels in the cores of tiles 1, 3 and 5; its journal line torn means it is redone over them.
        var scene = AutoFixture.WriteScene(_dir.File("scene.tif"), 600, 400, seed: 3); // 3 x 2 tiles
        string reference = _dir.File("reference.gpkg"), output = _dir.File("resumed.gpkg");
        AutoFixture.Run(scene.RasterPath, reference);
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => AutoFixture.Run(scene.RasterPath, output,
            progress: p => { if (p.TilesDone == 5) cancel.Cancel(); }, cancellation: cancel.Token));
        string journal = Path.Combine(AutoSegmenter.WorkDirectoryFor(output), "journal.txt");
        string text = File.ReadAllText(journal);
        int lastLine = text.LastIndexOf('\n', text.Length - 2) + 1;
        Assert.StartsWith("tile 4 ", text[lastLine..]);
        File.WriteAllText(journal, text[..(lastLine + (text.Length - lastLine) / 2)]);

        var resumed = AutoFixture.Run(scene.RasterPath, output, resume: true);

        Assert.Equal(4, resumed.TilesResumed);
        AssertSameFeatures(reference, output, scene.RasterPath);
    }

    private static void AssertSameFeatures(string reference, string output, string raster)
    {
        var expected = AutoFixture.ReadPixelFeatures(reference, raster);
        var actual = AutoFixture.ReadPixelFeatures(output, raster);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.True(expected[i].Pixel.EqualsExact(actual[i].Pixel), $"feature {expected[i].Id} differs after resuming");
            Assert.Equal(expected[i].Attributes["score"], actual[i].Attributes["score"]);
            Assert.Equal(expected[i].Attributes["tile"], actual[i].Attributes["tile"]);
        }
    }

    [Fact]
    public void Run_WithoutResume_StartsAfreshOverAStaleWorkFolder()
    {
        var scene = AutoFixture.WriteShapes(_dir.File("one.tif"), 200, 150, [("building", Shapes.Rectangle(100, 75, 60, 50))]);
        string output = _dir.File("one.gpkg");
        string work = AutoSegmenter.WorkDirectoryFor(output);
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "journal.txt"), "not a journal\n");

        var result = AutoFixture.Run(scene.RasterPath, output);

        Assert.Equal(0, result.TilesResumed);
        Assert.Equal(2, result.Features); // the building and the background
        Assert.False(Directory.Exists(work));
    }

    [Fact]
    public void Run_TifOutput_InstanceIdsOnTheRasterGrid()
    {
        var shapes = new (string, Geometry)[] { ("building", Shapes.Rectangle(150, 100, 90, 60)), ("lake", Shapes.Disc(400, 120, 50)) };
        var scene = AutoFixture.WriteShapes(_dir.File("ids.tif"), 600, 200, shapes);
        string output = _dir.File("ids-mask.tif");

        var result = AutoFixture.Run(scene.RasterPath, output);

        using var mask = GeoRaster.Open(output);
        using var raster = GeoRaster.Open(scene.RasterPath);
        Assert.Equal((raster.Width, raster.Height, raster.GeoTransform), (mask.Width, mask.Height, mask.GeoTransform));
        var ids = new uint[mask.Width * mask.Height];
        mask.Read<uint>(1, new PixelWindow(0, 0, mask.Width, mask.Height), ids);
        Assert.Equal(result.Features, ids.Where(v => v != 0).Distinct().Count());
        Assert.Equal(3, result.Features);
        // The building's centre and the lake's centre hold different ids, each a single id over the object's core.
        uint building = ids[100 * mask.Width + 150], lake = ids[120 * mask.Width + 400];
        Assert.NotEqual(0u, building);
        Assert.NotEqual(building, lake);
        Assert.Equal(building, ids[100 * mask.Width + 110]);
        Assert.Equal(lake, ids[120 * mask.Width + 440]);
    }

    [Fact]
    public void Run_ExistingOutputWithoutOverwrite_FailsBeforeWork()
    {
        var scene = AutoFixture.WriteShapes(_dir.File("one.tif"), 200, 150, [("building", Shapes.Rectangle(100, 75, 60, 50))]);
        string output = _dir.File("exists.geojson");
        File.WriteAllText(output, "{}");

        var e = Assert.Throws<SamGeoInputException>(() => AutoFixture.Run(scene.RasterPath, output));

        Assert.Contains("exists", e.Message);
        Assert.Equal("{}", File.ReadAllText(output));
        Assert.False(Directory.Exists(AutoSegmenter.WorkDirectoryFor(output)));
    }
}
