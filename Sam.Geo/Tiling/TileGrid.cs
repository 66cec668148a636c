using System.Collections;
using Sam.Geo.Raster;

namespace Sam.Geo.Tiling;

/// <summary>
/// Square tiles with overlap laid over a raster, in raster pixel coordinates (corner origin, x/column first).
/// Tile starts step by <see cref="Stride"/> = tile size − overlap; the last tile in a row or column is shifted
/// inward so every tile keeps full size and none extends beyond the raster. Along an axis where the raster is
/// not longer than a tile there is a single tile as long as the raster. Tiles enumerate in row-major order
/// (the order of <see cref="TileId"/>); the list index of tile (row, column) is <c>row * Columns + column</c>.
/// </summary>
public sealed class TileGrid : IReadOnlyList<Tile>
{
    /// <summary>Default tile size in pixels (SAM's input size).</summary>
    public const int DefaultTileSize = 1024;

    /// <summary>Default overlap between neighbouring tiles in pixels.</summary>
    public const int DefaultOverlap = 128;

    private readonly TileAxis _columns;
    private readonly TileAxis _rows;

    /// <summary>Lays tiles over a raster of <paramref name="rasterWidth"/> × <paramref name="rasterHeight"/> pixels.</summary>
    /// <param name="rasterWidth">Raster width in pixels (&gt; 0).</param>
    /// <param name="rasterHeight">Raster height in pixels (&gt; 0).</param>
    /// <param name="tileSize">Tile width and height in pixels (&gt; 0).</param>
    /// <param name="overlap">Minimum overlap between neighbouring tiles in pixels (0 ≤ overlap &lt; tile size).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size or the overlap is out of range.</exception>
    public TileGrid(int rasterWidth, int rasterHeight, int tileSize = DefaultTileSize, int overlap = DefaultOverlap)
    {
        if (rasterWidth <= 0 || rasterHeight <= 0)
            throw new ArgumentOutOfRangeException(rasterWidth <= 0 ? nameof(rasterWidth) : nameof(rasterHeight),
                $"The raster size must be positive; got {rasterWidth} x {rasterHeight} pixels.");
        if (tileSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(tileSize), tileSize,
                "The tile size must be at least 1 pixel.");
        if (overlap < 0 || overlap >= tileSize)
            throw new ArgumentOutOfRangeException(nameof(overlap), overlap,
                $"The tile overlap must be at least 0 and less than the tile size ({tileSize} pixels).");

        RasterWidth = rasterWidth;
        RasterHeight = rasterHeight;
        TileSize = tileSize;
        Overlap = overlap;
        _columns = new TileAxis(rasterWidth, tileSize, Stride);
        _rows = new TileAxis(rasterHeight, tileSize, Stride);
        long count = (long)_columns.Count * _rows.Count;
        if (count > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(tileSize), tileSize,
                $"A {rasterWidth} x {rasterHeight} raster would need {count} tiles of {tileSize} pixels; use larger tiles.");
    }

    /// <summary>Raster width in pixels.</summary>
    public int RasterWidth { get; }

    /// <summary>Raster height in pixels.</summary>
    public int RasterHeight { get; }

    /// <summary>Nominal tile width and height in pixels; tiles are smaller only along an axis shorter than this.</summary>
    public int TileSize { get; }

    /// <summary>Minimum overlap between neighbouring tiles in pixels (the shifted last tiles overlap more).</summary>
    public int Overlap { get; }

    /// <summary>Distance in pixels between the starts of neighbouring tiles, except before a shifted last tile.</summary>
    public int Stride => TileSize - Overlap;

    /// <summary>Number of tile columns.</summary>
    public int Columns => _columns.Count;

    /// <summary>Number of tile rows.</summary>
    public int Rows => _rows.Count;

    /// <summary>Number of tiles (<see cref="Rows"/> × <see cref="Columns"/>).</summary>
    public int Count => Rows * Columns;

    /// <summary>Tile by row-major list index (<c>row * Columns + column</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the index is outside [0, <see cref="Count"/>).</exception>
    public Tile this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Build(index / Columns, index % Columns);
        }
    }

    /// <summary>True when <paramref name="id"/> names a tile of this grid.</summary>
    public bool Contains(TileId id) => id.Row < Rows && id.Column < Columns;

    /// <summary>The tile with the given id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the id is outside the grid.</exception>
    public Tile GetTile(TileId id)
    {
        if (!Contains(id))
            throw new ArgumentOutOfRangeException(nameof(id), id,
                $"Tile {id} is outside the grid of {Rows} rows x {Columns} columns.");
        return Build(id.Row, id.Column);
    }

    /// <summary>All tiles that contain the raster pixel (<paramref name="col"/>, <paramref name="row"/>), in id order.</summary>
    /// <returns>Empty when the pixel lies outside the raster; otherwise one to four tiles (more with large overlaps).</returns>
    public IEnumerable<Tile> TilesCovering(int col, int row) => TilesIntersecting(new PixelWindow(col, row, 1, 1));

    /// <summary>All tiles that share at least one pixel with <paramref name="box"/> (raster pixels), in id order.</summary>
    /// <returns>Empty when the box is empty or outside the raster.</returns>
    public IEnumerable<Tile> TilesIntersecting(PixelWindow box)
    {
        var clipped = box.Intersect(new PixelWindow(0, 0, RasterWidth, RasterHeight));
        if (clipped.IsEmpty)
            return [];
        var (c0, c1) = _columns.Overlapping(clipped.Col, clipped.ColEnd);
        var (r0, r1) = _rows.Overlapping(clipped.Row, clipped.RowEnd);
        return Range(r0, r1, c0, c1);
    }

    /// <summary>
    /// Among the tiles that fully contain <paramref name="box"/> (raster pixels), the one where the box's smallest
    /// distance to the tile's edges is largest; ties go to the smallest id. Null when no tile contains the box
    /// (it is larger than a tile or reaches outside the raster).
    /// </summary>
    /// <exception cref="ArgumentException">When the box is empty.</exception>
    public TileChoice? BestCentredTile(PixelWindow box)
    {
        if (box.IsEmpty)
            throw new ArgumentException($"The box {box} has no pixels.", nameof(box));
        if (box.Col < 0 || box.Row < 0 || box.ColEnd > RasterWidth || box.RowEnd > RasterHeight)
            return null;
        var (c0, c1) = _columns.Containing(box.Col, box.ColEnd);
        var (r0, r1) = _rows.Containing(box.Row, box.RowEnd);
        TileChoice? best = null;
        foreach (var tile in Range(r0, r1, c0, c1))
        {
            var choice = new TileChoice(tile, Margin(tile, box, TileEdges.All), Margin(tile, box, tile.InteriorEdges));
            if (best is null || choice.MarginInPixels > best.Value.MarginInPixels)
                best = choice;
        }
        return best;
    }

    /// <inheritdoc />
    public IEnumerator<Tile> GetEnumerator() => Range(0, Rows - 1, 0, Columns - 1).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<Tile> Range(int firstRow, int lastRow, int firstColumn, int lastColumn)
    {
        for (int r = firstRow; r <= lastRow; r++)
            for (int c = firstColumn; c <= lastColumn; c++)
                yield return Build(r, c);
    }

    private Tile Build(int row, int column)
    {
        var window = new PixelWindow(_columns.Start(column), _rows.Start(row), _columns.Size, _rows.Size);
        var interior = TileEdges.None;
        if (column > 0) interior |= TileEdges.Left;
        if (row > 0) interior |= TileEdges.Top;
        if (column < Columns - 1) interior |= TileEdges.Right;
        if (row < Rows - 1) interior |= TileEdges.Bottom;
        return new Tile(new TileId(row, column), window, interior);
    }

    /// <summary>Smallest distance from the box to the given edges of the tile; int.MaxValue for no edge.</summary>
    private static int Margin(Tile tile, PixelWindow box, TileEdges edges)
    {
        var w = tile.Window;
        int margin = int.MaxValue;
        if ((edges & TileEdges.Left) != 0) margin = Math.Min(margin, box.Col - w.Col);
        if ((edges & TileEdges.Top) != 0) margin = Math.Min(margin, box.Row - w.Row);
        if ((edges & TileEdges.Right) != 0) margin = Math.Min(margin, w.ColEnd - box.ColEnd);
        if ((edges & TileEdges.Bottom) != 0) margin = Math.Min(margin, w.RowEnd - box.RowEnd);
        return margin;
    }
}
