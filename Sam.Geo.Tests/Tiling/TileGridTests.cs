using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Tests.Tiling;

public class TileGridTests
{
    /// <summary>Small random grids, so that every pixel can be checked.</summary>
    public static class Generators
    {
        public static Arbitrary<TileGrid> Grids() => Arb.From(
            from width in Gen.Choose(1, 260)
            from height in Gen.Choose(1, 260)
            from tileSize in Gen.Choose(1, 120)
            from overlap in Gen.Choose(0, tileSize - 1)
            select new TileGrid(width, height, tileSize, overlap));

        public static Arbitrary<PixelWindow> Boxes() => Arb.From(
            from col in Gen.Choose(-50, 300)
            from row in Gen.Choose(-50, 300)
            from width in Gen.Choose(0, 200)
            from height in Gen.Choose(0, 200)
            select new PixelWindow(col, row, width, height));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public void Tiles_RandomGrid_CoverRasterWithFullSizeOverlappingTiles(TileGrid grid) =>
        TileGridInvariants.AssertAll(grid);

    [Property(Arbitrary = [typeof(Generators)])]
    public void TilesIntersecting_RandomBox_MatchesBruteForce(TileGrid grid, PixelWindow box) =>
        Assert.Equal(TileGridInvariants.Intersecting(grid, box), grid.TilesIntersecting(box).Select(t => t.Id).ToList());

    [Theory]
    [InlineData(500, 300, 1024, 128)]   // raster smaller than a tile
    [InlineData(1024, 1024, 1024, 128)] // exactly one tile
    [InlineData(1025, 1024, 1024, 128)] // one pixel more than a tile
    [InlineData(5000, 800, 1024, 128)]  // one row of tiles
    [InlineData(700, 4100, 1024, 128)]  // one column of tiles
    [InlineData(2000, 1500, 1024, 128)] // default grid
    [InlineData(1000, 777, 256, 32)]    // not multiples of the stride
    [InlineData(1793, 2689, 1024, 0)]   // no overlap
    [InlineData(75, 60, 16, 15)]        // stride 1
    [InlineData(37, 23, 1, 0)]          // one-pixel tiles
    public void Tiles_ExplicitGrid_CoverRasterWithFullSizeOverlappingTiles(int width, int height, int tileSize, int overlap) =>
        TileGridInvariants.AssertAll(new TileGrid(width, height, tileSize, overlap));

    [Fact]
    public void Tiles_DefaultGrid2000x1500_ShiftsLastTilesInward()
    {
        var grid = new TileGrid(2000, 1500);

        Assert.Equal((3, 2, 6, 896), (grid.Columns, grid.Rows, grid.Count, grid.Stride));
        Assert.Equal(
            [
                new PixelWindow(0, 0, 1024, 1024), new PixelWindow(896, 0, 1024, 1024), new PixelWindow(976, 0, 1024, 1024),
                new PixelWindow(0, 476, 1024, 1024), new PixelWindow(896, 476, 1024, 1024), new PixelWindow(976, 476, 1024, 1024),
            ],
            grid.Select(t => t.Window));
    }

    [Fact]
    public void Tiles_RasterSmallerThanTile_OneTileOfRasterSizeWithNoInteriorEdge()
    {
        var tile = Assert.Single(new TileGrid(500, 300));

        Assert.Equal(new TileId(0, 0), tile.Id);
        Assert.Equal(new PixelWindow(0, 0, 500, 300), tile.Window);
        Assert.Equal(TileEdges.None, tile.InteriorEdges);
    }

    [Fact]
    public void InteriorEdges_MiddleOfBottomRow_AllButBottom()
    {
        var tile = new TileGrid(2000, 1500).GetTile(new TileId(1, 1));

        Assert.Equal(TileEdges.Left | TileEdges.Top | TileEdges.Right, tile.InteriorEdges);
        Assert.True(tile.IsInterior(TileEdges.Top));
        Assert.False(tile.IsInterior(TileEdges.Bottom));
    }

    [Fact]
    public void TilesCovering_PixelInSixTiles_ReturnsThemInIdOrder()
    {
        var ids = new TileGrid(2000, 1500).TilesCovering(1000, 500).Select(t => t.Id.ToString());

        Assert.Equal(["r0c0", "r0c1", "r0c2", "r1c0", "r1c1", "r1c2"], ids);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(2000, 0)]
    [InlineData(0, 1500)]
    public void TilesCovering_PixelOutsideRaster_ReturnsNone(int col, int row) =>
        Assert.Empty(new TileGrid(2000, 1500).TilesCovering(col, row));

    [Fact]
    public void GetTile_IdOutsideGrid_Throws()
    {
        var grid = new TileGrid(2000, 1500);

        Assert.Throws<ArgumentOutOfRangeException>(() => grid.GetTile(new TileId(2, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.GetTile(new TileId(0, 3)));
        Assert.False(grid.Contains(new TileId(0, 3)));
    }

    [Theory]
    [InlineData(0, 100, 1024, 128, "rasterWidth")]
    [InlineData(100, -5, 1024, 128, "rasterHeight")]
    [InlineData(100, 100, 0, 0, "tileSize")]
    [InlineData(100, 100, 1024, -1, "overlap")]
    [InlineData(100, 100, 1024, 1024, "overlap")]
    public void Constructor_InvalidOption_ThrowsNamingIt(int width, int height, int tileSize, int overlap, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TileGrid(width, height, tileSize, overlap));

        Assert.Equal(parameter, ex.ParamName);
    }
}
