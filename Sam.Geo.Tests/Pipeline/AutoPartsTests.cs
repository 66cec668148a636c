using FsCheck;
using FsCheck.Xunit;
using Sam.Geo.Pipeline.Auto;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using Sam.Geo.Tiling;

namespace Sam.Geo.Tests.Pipeline;

/// <summary>The pure parts of automatic segmentation: cores, seam matching, union-find, NMS, the journal.</summary>
public sealed class AutoPartsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Property(MaxTest = 200)]
    public bool TileCores_AnyGrid_PartitionTheRasterInsideTheirTiles(PositiveInt w, PositiveInt h, PositiveInt size, NonNegativeInt overlap)
    {
        int width = 1 + w.Get % 700, height = 1 + h.Get % 500, tile = 1 + size.Get % 300, ov = overlap.Get % tile;
        var grid = new TileGrid(width, height, tile, ov);
        var cores = new TileCores(grid);
        var owner = new int[width * height];
        for (int t = 0; t < grid.Count; t++)
        {
            var core = cores[t];
            if (core.IsEmpty || core.Intersect(grid[t].Window) != core) return false;
            for (int r = core.Row; r < core.RowEnd; r++)
                for (int c = core.Col; c < core.ColEnd; c++)
                    if (owner[r * width + c]++ != 0) return false;
        }
        return owner.All(n => n == 1);
    }

    [Fact]
    public void TileCores_TwoTilesWithOverlap_BoundaryInTheMiddleOfTheOverlap()
    {
        var cores = new TileCores(new TileGrid(480, 256, 256, 32)); // starts 0 and 224: overlap [224, 256)
        Assert.Equal(new PixelWindow(0, 0, 240, 256), cores[0]);
        Assert.Equal(new PixelWindow(240, 0, 240, 256), cores[1]);
    }

    [Fact]
    public void SeamMatcher_SameObjectCutBySeam_Matches_TouchingNeighbourDoesNot()
    {
        // 4 x 2 shared strip: tile piece 1 covers columns 0-1, piece 2 columns 2-3; the neighbour's object 7
        // covers columns 0-1 (the same object), its object 9 only column 3 of the first row.
        int[] ours = [1, 1, 2, 2, 1, 1, 2, 2];
        uint[] theirs = [7, 7, 0, 9, 7, 7, 0, 0];
        var matches = SeamMatcher.Match(ours, theirs, 0.5);
        Assert.Equal([(1, 7u), (2, 9u)], matches);

        uint[] touching = [7, 7, 0, 0, 7, 7, 0, 0];
        int[] shifted = [0, 2, 2, 2, 0, 0, 2, 2];
        Assert.Empty(SeamMatcher.Match(shifted, touching, 0.5)); // 1 shared pixel; the smaller part has 4
    }

    [Fact]
    public void PieceRegistry_Unions_MergeScoresAreaWeightedAndBoundsJoined()
    {
        var registry = new PieceRegistry();
        registry.Add(new PieceRecord(1, 0, 100, new PixelWindow(0, 0, 10, 10), new PieceScore(0.9f, 1f)));
        registry.Add(new PieceRecord(2, 1, 300, new PixelWindow(10, 0, 30, 10), new PieceScore(0.98f, 0.5f)));
        registry.Add(new PieceRecord(3, 1, 50, new PixelWindow(50, 50, 5, 10), new PieceScore(0.95f, 1f)));
        registry.Union(2, 1);

        var objects = registry.Objects();

        Assert.Equal(2, objects.Count);
        var merged = objects[1];
        Assert.Equal(400, merged.AreaInPixels);
        Assert.Equal(new PixelWindow(0, 0, 40, 10), merged.Bounds);
        Assert.Equal((0.9 * 100 + 0.98 * 300) / 400, merged.Iou, 5);
        Assert.Equal(2, merged.TileCount);
        Assert.Equal(1u, registry.Find(2));
        Assert.Equal(3u, registry.Find(3));
    }

    [Fact]
    public void PointGrid_FourPerSide_CentresOfQuartersXFastest()
    {
        var points = AutoMaskGenerator.PointGrid(200, 100, 4);
        Assert.Equal(16, points.Count);
        Assert.Equal((25.0, 12.5), (points[0].X, points[0].Y));
        Assert.Equal((75.0, 12.5), (points[1].X, points[1].Y));
        Assert.Equal((175.0, 87.5), (points[15].X, points[15].Y));
        Assert.All(points, p => Assert.True(p.IsForeground));
    }

    [Fact]
    public void Journal_ResumeReadsFinishedTiles_IgnoresTornLine_RefusesOtherSettings()
    {
        string path = _dir.File("journal.txt");
        var piece = new PieceRecord(1, 0, 42, new PixelWindow(1, 2, 3, 4), new PieceScore(0.91f, 0.97f));
        using (var journal = AutoJournal.Create(path, "abc"))
        {
            journal.Append(new TileRecord(0, [piece], []));
            journal.Append(new TileRecord(1, [], [(1u, 1u)]));
        }
        File.AppendAllText(path, "tile 2 p 3:1"); // the process died mid-line

        using (var resumed = AutoJournal.Resume(path, "abc"))
        {
            Assert.Equal(2, resumed.Finished.Count);
            Assert.Equal(piece, resumed.Finished[0].Pieces.Single());
            Assert.Equal([(1u, 1u)], resumed.Finished[1].Unions);
            resumed.Append(new TileRecord(2, [], []));
        }
        using (var again = AutoJournal.Resume(path, "abc")) Assert.Equal([0, 1, 2], again.Finished.Select(t => t.Tile));

        var e = Assert.Throws<SamGeoInputException>(() => AutoJournal.Resume(path, "other"));
        Assert.Contains("--resume", e.Message);
        Assert.Throws<SamGeoInputException>(() => AutoJournal.Resume(_dir.File("missing.txt"), "abc"));
    }
}
