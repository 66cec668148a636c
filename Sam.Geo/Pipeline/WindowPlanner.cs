using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Pipeline;

/// <summary>
/// Chooses the window an object is segmented in: the cached grid tile best centred on it when the object
/// sits well inside that tile, otherwise a window centred on the object, read downscaled when the object is
/// larger than a tile. An object is never cut at a tile edge when a better window exists.
/// </summary>
public static class WindowPlanner
{
    /// <summary>
    /// The distance, in pixels, an object's box must keep from every interior tile edge for the grid tile
    /// (whose embedding is shared with other prompts and with <c>samgeo encode</c>) to be used.
    /// </summary>
    public static int MinimumMargin(TileGrid grid) => Math.Max(32, grid.TileSize / 8);

    /// <summary>The window for an object whose prompts cover <paramref name="box"/> (raster pixels).</summary>
    public static ScaledWindow Plan(TileGrid grid, PixelBox box)
    {
        var covering = Cover(grid, box);
        if (grid.BestCentredTile(covering) is TileChoice choice && choice.InteriorMarginInPixels >= MinimumMargin(grid))
            return ScaledWindow.Unscaled(choice.Tile.Window);
        return ScaledWindow.AroundRegion(grid.RasterWidth, grid.RasterHeight,
            Math.Clamp(box.MinCol, 0, grid.RasterWidth), Math.Clamp(box.MinRow, 0, grid.RasterHeight),
            Math.Clamp(box.MaxCol, 0, grid.RasterWidth), Math.Clamp(box.MaxRow, 0, grid.RasterHeight),
            targetSize: grid.TileSize);
    }

    /// <summary>The whole pixels a box touches, clipped to the raster, at least one pixel.</summary>
    internal static PixelWindow Cover(TileGrid grid, PixelBox box)
    {
        int c0 = Math.Clamp((int)Math.Floor(box.MinCol), 0, grid.RasterWidth - 1);
        int r0 = Math.Clamp((int)Math.Floor(box.MinRow), 0, grid.RasterHeight - 1);
        int c1 = Math.Clamp((int)Math.Ceiling(box.MaxCol), c0 + 1, grid.RasterWidth);
        int r1 = Math.Clamp((int)Math.Ceiling(box.MaxRow), r0 + 1, grid.RasterHeight);
        return new PixelWindow(c0, r0, c1 - c0, r1 - r0);
    }

    /// <summary>
    /// True when a mask decoded in <paramref name="window"/> touches one of the window's edges that is not
    /// the raster's border: the object may go on beyond it.
    /// </summary>
    public static bool TouchesInteriorEdge(ScaledWindow window, PixelWindow maskBounds, int rasterWidth, int rasterHeight)
    {
        if (maskBounds.IsEmpty) return false;
        var s = window.Source;
        return (maskBounds.Col == 0 && s.Col > 0)
            || (maskBounds.Row == 0 && s.Row > 0)
            || (maskBounds.ColEnd == window.OutputWidth && s.ColEnd < rasterWidth)
            || (maskBounds.RowEnd == window.OutputHeight && s.RowEnd < rasterHeight);
    }
}
