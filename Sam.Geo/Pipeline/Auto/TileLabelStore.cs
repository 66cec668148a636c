using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Sam.Geo.Raster;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// The on-disk label raster of an automatic run: the raw piece id of every pixel, stored as one compressed file
/// per tile core (absent while nothing was written into the core) in the run's work folder. Files are written
/// atomically (temporary name, then rename), so each is either its old or its new version, never torn. Reading back rows keeps only
/// the cores of the tile rows in use in memory. Core buffers come from <see cref="ArrayPool{T}.Shared"/> and go back
/// to it: hundreds of megabytes of short-lived large arrays would otherwise pile up between full garbage
/// collections and make the resident memory grow with the raster. Not thread-safe.
/// </summary>
public sealed class TileLabelStore
{
    private readonly string _directory;
    private readonly TileCores _cores;
    private readonly Dictionary<int, uint[]?> _loaded = [];

    /// <summary>A store in <paramref name="directory"/> (which must exist) for the cores of a grid.</summary>
    public TileLabelStore(string directory, TileCores cores)
    {
        _directory = directory;
        _cores = cores;
    }

    /// <summary>Writes the labels of tile <paramref name="tile"/>'s core (row-major, core size).</summary>
    public void Write(int tile, ReadOnlySpan<uint> coreLabels)
    {
        string path = PathOf(tile), temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var zip = new ZLibStream(file, CompressionLevel.Fastest))
            zip.Write(MemoryMarshal.AsBytes(coreLabels));
        File.Move(temporary, path, overwrite: true);
        if (_loaded.Remove(tile, out var stale) && stale is not null) ArrayPool<uint>.Shared.Return(stale);
    }

    /// <summary>True when tile <paramref name="tile"/> has a label file.</summary>
    public bool Has(int tile) => File.Exists(PathOf(tile));

    /// <summary>
    /// The labels of tile <paramref name="tile"/>'s core (row-major, core size; the array may be longer), or null
    /// when it has no file. The caller owns the array and hands it back with <see cref="Return"/>.
    /// </summary>
    public uint[]? ReadCore(int tile) => ReadFile(tile);

    /// <summary>A zeroed core buffer for tile <paramref name="tile"/> (the array may be longer); hand it back with <see cref="Return"/>.</summary>
    public uint[] RentCore(int tile)
    {
        int length = _cores[tile].Width * _cores[tile].Height;
        var labels = ArrayPool<uint>.Shared.Rent(length);
        labels.AsSpan(0, length).Clear();
        return labels;
    }

    /// <summary>Hands back a buffer from <see cref="ReadCore"/> or <see cref="RentCore"/>.</summary>
    public static void Return(uint[] core) => ArrayPool<uint>.Shared.Return(core);

    /// <summary>
    /// Rows [<paramref name="row0"/>, <paramref name="row1"/>) of the whole label raster, row-major, grid width.
    /// Cores of tile rows above <paramref name="row0"/> are dropped from memory: read rows top to bottom.
    /// </summary>
    public void ReadRows(int row0, int row1, Span<uint> destination)
    {
        var grid = _cores.Grid;
        int width = grid.RasterWidth;
        destination[..(width * (row1 - row0))].Clear();
        var (first, last) = _cores.TileRowsOf(row0, row1);
        foreach (int key in _loaded.Keys.Where(k => k / grid.Columns < first).ToList())
            if (_loaded.Remove(key, out var dropped) && dropped is not null) Return(dropped);
        for (int tr = first; tr <= last; tr++)
        {
            for (int tc = 0; tc < grid.Columns; tc++)
            {
                int tile = tr * grid.Columns + tc;
                var core = _cores[tile];
                var labels = Load(tile);
                if (labels is null) continue;
                int r0 = Math.Max(row0, core.Row), r1 = Math.Min(row1, core.RowEnd);
                for (int r = r0; r < r1; r++)
                    labels.AsSpan((r - core.Row) * core.Width, core.Width).CopyTo(destination.Slice((r - row0) * width + core.Col, core.Width));
            }
        }
    }

    private uint[]? Load(int tile)
    {
        if (!_loaded.TryGetValue(tile, out var labels)) _loaded[tile] = labels = ReadFile(tile);
        return labels;
    }

    private uint[]? ReadFile(int tile)
    {
        string path = PathOf(tile);
        if (!File.Exists(path)) return null;
        var core = _cores[tile];
        var labels = ArrayPool<uint>.Shared.Rent(core.Width * core.Height);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var zip = new ZLibStream(file, CompressionMode.Decompress);
        zip.ReadExactly(MemoryMarshal.AsBytes(labels.AsSpan(0, core.Width * core.Height)));
        return labels;
    }

    private string PathOf(int tile) => Path.Combine(_directory, $"tile-{tile}.labels");
}
