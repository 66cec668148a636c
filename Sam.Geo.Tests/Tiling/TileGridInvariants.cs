using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Tests.Tiling;

/// <summary>Brute-force checks of everything a <see cref="TileGrid"/> promises, pixel by pixel.</summary>
internal static class TileGridInvariants
{
    public static void AssertAll(TileGrid grid)
    {
        var tiles = grid.ToList();
        AssertIdsStable(grid, tiles);
        AssertTileShapes(grid, tiles);
        AssertNeighboursOverlap(grid);
        AssertEveryPixelCoveredAndTilesCoveringExact(grid, tiles);
    }

    private static void AssertIdsStable(TileGrid grid, List<Tile> tiles)
    {
        Assert.Equal(grid.Rows * grid.Columns, grid.Count);
        Assert.Equal(grid.Count, tiles.Count);
        Assert.Equal(tiles.Count, tiles.Select(t => t.Id).Distinct().Count());
        for (int i = 0; i < tiles.Count; i++)
        {
            var tile = tiles[i];
            Assert.Equal(new TileId(i / grid.Columns, i % grid.Columns), tile.Id);
            Assert.Equal(tile, grid.GetTile(tile.Id));
            Assert.Equal(tile, grid.GetTile(TileId.Parse(tile.Id.ToString())));
            Assert.Equal(tile, grid[i]);
        }
    }

    private static void AssertTileShapes(TileGrid grid, List<Tile> tiles)
    {
        int width = Math.Min(grid.TileSize, grid.RasterWidth), height = Math.Min(grid.TileSize, grid.RasterHeight);
        foreach (var tile in tiles)
        {
            var w = tile.Window;
            Assert.True(w.Col >= 0 && w.Row >= 0 && w.ColEnd <= grid.RasterWidth && w.RowEnd <= grid.RasterHeight,
                $"{tile.Id} {w} extends beyond the {grid.RasterWidth}x{grid.RasterHeight} raster");
            Assert.Equal(width, w.Width);
            Assert.Equal(height, w.Height);
            var expectedInterior = TileEdges.None;
            if (tile.Id.Column > 0) expectedInterior |= TileEdges.Left;
            if (tile.Id.Row > 0) expectedInterior |= TileEdges.Top;
            if (tile.Id.Column < grid.Columns - 1) expectedInterior |= TileEdges.Right;
            if (tile.Id.Row < grid.Rows - 1) expectedInterior |= TileEdges.Bottom;
            Assert.Equal(expectedInterior, tile.InteriorEdges);
        }
    }

    private static void AssertNeighboursOverlap(TileGrid grid)
    {
        for (int r = 0; r < grid.Rows; r++)
            for (int c = 0; c < grid.Columns; c++)
            {
                var tile = grid.GetTile(new TileId(r, c)).Window;
                if (c + 1 < grid.Columns)
                {
                    var right = grid.GetTile(new TileId(r, c + 1)).Window;
                    Assert.Equal((tile.Row, tile.Height), (right.Row, right.Height));
                    Assert.True(right.Col > tile.Col, $"r{r}c{c + 1} does not start right of r{r}c{c}");
                    Assert.True(tile.ColEnd - right.Col >= grid.Overlap, $"r{r}c{c} and r{r}c{c + 1} overlap by {tile.ColEnd - right.Col}");
                }
                if (r + 1 < grid.Rows)
                {
                    var below = grid.GetTile(new TileId(r + 1, c)).Window;
                    Assert.Equal((tile.Col, tile.Width), (below.Col, below.Width));
                    Assert.True(below.Row > tile.Row, $"r{r + 1}c{c} does not start below r{r}c{c}");
                    Assert.True(tile.RowEnd - below.Row >= grid.Overlap, $"r{r}c{c} and r{r + 1}c{c} overlap by {tile.RowEnd - below.Row}");
                }
            }
    }

    private static void AssertEveryPixelCoveredAndTilesCoveringExact(TileGrid grid, List<Tile> tiles)
    {
        var count = new int[grid.RasterWidth * grid.RasterHeight];
        foreach (var w in tiles.Select(t => t.Window))
            for (int row = w.Row; row < w.RowEnd; row++)
                count.AsSpan(row * grid.RasterWidth + w.Col, w.Width).Add1();

        // Messages are built only on failure: this loop runs once per pixel.
        for (int row = 0; row < grid.RasterHeight; row++)
            for (int col = 0; col < grid.RasterWidth; col++)
            {
                int expected = count[row * grid.RasterWidth + col];
                if (expected == 0)
                    Assert.Fail($"pixel ({col},{row}) is in no tile");
                int found = 0;
                TileId? previous = null;
                foreach (var tile in grid.TilesCovering(col, row))
                {
                    if (!tile.Window.Contains(col, row))
                        Assert.Fail($"TilesCovering({col},{row}) returned {tile.Id} {tile.Window}");
                    if (previous is { } p && p.CompareTo(tile.Id) >= 0)
                        Assert.Fail($"TilesCovering({col},{row}) is not in strict id order");
                    previous = tile.Id;
                    found++;
                }
                if (found != expected)
                    Assert.Fail($"pixel ({col},{row}) is in {expected} tiles but TilesCovering found {found}");
            }
    }

    private static void Add1(this Span<int> span)
    {
        foreach (ref int v in span)
            v++;
    }

    /// <summary>Brute force: ids of the tiles sharing a pixel with the box.</summary>
    public static List<TileId> Intersecting(TileGrid grid, PixelWindow box) =>
        grid.Where(t => !t.Window.Intersect(box).IsEmpty).Select(t => t.Id).ToList();
}
