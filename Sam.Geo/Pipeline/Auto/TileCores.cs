using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// The core of every tile of a grid: the tile minus half of each overlap with a neighbour (the boundary between
/// two neighbours lies at the middle of their overlap, rounded down). Cores partition the raster: each pixel has one
/// owning tile, whose pieces win there. Pure tiling math.
/// </summary>
public sealed class TileCores
{
    private readonly int[] _columnBounds; // core of column c: [_columnBounds[c], _columnBounds[c + 1])
    private readonly int[] _rowBounds;

    /// <summary>The cores of <paramref name="grid"/>'s tiles.</summary>
    public TileCores(TileGrid grid)
    {
        Grid = grid;
        _columnBounds = Bounds(grid.Columns, grid.RasterWidth, c => grid[c].Window.Col, c => grid[c].Window.ColEnd);
        _rowBounds = Bounds(grid.Rows, grid.RasterHeight, r => grid[r * grid.Columns].Window.Row, r => grid[r * grid.Columns].Window.RowEnd);
    }

    /// <summary>The grid.</summary>
    public TileGrid Grid { get; }

    /// <summary>The core of the tile at row-major index <paramref name="index"/>, in the grid's pixel coordinates.</summary>
    public PixelWindow this[int index]
    {
        get
        {
            int r = index / Grid.Columns, c = index % Grid.Columns;
            return new PixelWindow(_columnBounds[c], _rowBounds[r], _columnBounds[c + 1] - _columnBounds[c], _rowBounds[r + 1] - _rowBounds[r]);
        }
    }

    /// <summary>First row of the cores of tile row <paramref name="tileRow"/>.</summary>
    public int RowStart(int tileRow) => _rowBounds[tileRow];

    /// <summary>The tile rows whose cores hold rows [<paramref name="row0"/>, <paramref name="row1"/>).</summary>
    public (int First, int Last) TileRowsOf(int row0, int row1)
    {
        int first = 0;
        while (_rowBounds[first + 1] <= row0) first++;
        int last = first;
        while (last + 1 < Grid.Rows && _rowBounds[last + 1] < row1) last++;
        return (first, last);
    }

    private static int[] Bounds(int count, int length, Func<int, int> start, Func<int, int> end)
    {
        var bounds = new int[count + 1];
        bounds[count] = length;
        for (int i = 1; i < count; i++) bounds[i] = (start(i) + end(i - 1)) / 2;
        return bounds;
    }
}
