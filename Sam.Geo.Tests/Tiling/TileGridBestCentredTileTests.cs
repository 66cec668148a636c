using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Tests.Tiling;

public class TileGridBestCentredTileTests
{
    // 3000 x 1024 raster, tiles 1024 with overlap 512: one row, columns start at 0, 512, 1024, 1536, 1976.
    private static readonly TileGrid HalfOverlapRow = new(3000, 1024, 1024, 512);

    [Fact]
    public void BestCentredTile_BoxNearTileCentre_PicksThatTile()
    {
        var choice = HalfOverlapRow.BestCentredTile(new PixelWindow(1100, 400, 100, 200));

        Assert.NotNull(choice);
        Assert.Equal(new TileId(0, 1), choice.Value.Tile.Id); // [512, 1536): 336 px to its right edge; r0c2 only 76
        Assert.Equal(336, choice.Value.MarginInPixels);
        Assert.Equal(336, choice.Value.InteriorMarginInPixels);
    }

    [Fact]
    public void BestCentredTile_BoxOnRasterTopEdge_InteriorMarginIgnoresRasterEdge()
    {
        var choice = HalfOverlapRow.BestCentredTile(new PixelWindow(1100, 0, 100, 200));

        Assert.NotNull(choice);
        Assert.Equal(new TileId(0, 1), choice.Value.Tile.Id);
        Assert.Equal(0, choice.Value.MarginInPixels);
        Assert.Equal(336, choice.Value.InteriorMarginInPixels);
    }

    [Fact]
    public void BestCentredTile_SingleTileRaster_InteriorMarginIsUnbounded()
    {
        var choice = new TileGrid(500, 300).BestCentredTile(new PixelWindow(10, 20, 30, 40));

        Assert.NotNull(choice);
        Assert.Equal(10, choice.Value.MarginInPixels);
        Assert.Equal(int.MaxValue, choice.Value.InteriorMarginInPixels);
    }

    [Fact]
    public void BestCentredTile_EqualMargins_PicksSmallestId()
    {
        // Default 2000 x 1500 grid: columns at 0, 896, 976, rows at 0, 476. The row margin (224) limits all four
        // candidates r0c1, r0c2, r1c1, r1c2 equally.
        var choice = new TileGrid(2000, 1500).BestCentredTile(new PixelWindow(1400, 700, 100, 100));

        Assert.NotNull(choice);
        Assert.Equal(new TileId(0, 1), choice.Value.Tile.Id);
        Assert.Equal(224, choice.Value.MarginInPixels);
    }

    [Fact]
    public void BestCentredTile_BoxWiderThanTile_ReturnsNull() =>
        Assert.Null(HalfOverlapRow.BestCentredTile(new PixelWindow(1000, 0, 1025, 10)));

    [Fact]
    public void BestCentredTile_BoxExactlyATile_ReturnsThatTileWithZeroMargin()
    {
        var choice = HalfOverlapRow.BestCentredTile(new PixelWindow(1976, 0, 1024, 1024));

        Assert.NotNull(choice);
        Assert.Equal(new TileId(0, 4), choice.Value.Tile.Id);
        Assert.Equal(0, choice.Value.MarginInPixels);
    }

    [Fact]
    public void BestCentredTile_BoxReachingOutsideRaster_ReturnsNull() =>
        Assert.Null(HalfOverlapRow.BestCentredTile(new PixelWindow(2950, 10, 100, 10)));

    [Fact]
    public void BestCentredTile_EmptyBox_Throws() =>
        Assert.Throws<ArgumentException>(() => HalfOverlapRow.BestCentredTile(new PixelWindow(10, 10, 0, 5)));

    [Fact]
    public void BestCentredTile_EveryBoxOfSmallGrid_MatchesBruteForce()
    {
        var grid = new TileGrid(40, 30, 12, 5);
        for (int col = 0; col < grid.RasterWidth; col += 3)
            for (int row = 0; row < grid.RasterHeight; row += 2)
                for (int size = 1; size <= 14; size += 3)
                {
                    var box = new PixelWindow(col, row, size, size);
                    var expected = grid
                        .Where(t => t.Window.Intersect(box) == box)
                        .Select(t => (t.Id, Margin: Math.Min(
                            Math.Min(box.Col - t.Window.Col, t.Window.ColEnd - box.ColEnd),
                            Math.Min(box.Row - t.Window.Row, t.Window.RowEnd - box.RowEnd))))
                        .OrderByDescending(c => c.Margin).ThenBy(c => c.Id)
                        .Select(c => ((TileId, int)?)c)
                        .FirstOrDefault();
                    var actual = grid.BestCentredTile(box);
                    Assert.Equal(expected, actual is { } a ? (a.Tile.Id, a.MarginInPixels) : null);
                }
    }
}
