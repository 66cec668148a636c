using Sam.Geo.Raster;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// One piece: the part of a tile's mask the tile wrote, into its own core and into pixels of its neighbours' cores
/// that were still unclaimed. A later neighbour may override some of the latter with its own pieces, so the area
/// can exceed what the output shows; the bounds always cover it.
/// </summary>
/// <param name="Id">Raw id, 1-based, unique over the run.</param>
/// <param name="Tile">Row-major index of the tile.</param>
/// <param name="AreaInPixels">Pixels written.</param>
/// <param name="Bounds">Bounding box of those pixels (grid pixel coordinates).</param>
/// <param name="Score">The mask's scores.</param>
public readonly record struct PieceRecord(uint Id, int Tile, long AreaInPixels, PixelWindow Bounds, PieceScore Score);

/// <summary>An object: the union of pieces joined across seams.</summary>
/// <param name="Root">Raw id of the union-find root.</param>
/// <param name="AreaInPixels">Pixels over all pieces.</param>
/// <param name="Bounds">Bounding box over all pieces.</param>
/// <param name="Iou">Area-weighted mean predicted IoU.</param>
/// <param name="Stability">Area-weighted mean stability score.</param>
/// <param name="FirstTile">Index of the first tile holding a piece.</param>
/// <param name="TileCount">Tiles holding a piece.</param>
public sealed record MergedObject(uint Root, long AreaInPixels, PixelWindow Bounds, double Iou, double Stability, int FirstTile, int TileCount);

/// <summary>
/// All pieces of a run and which belong together (union-find over raw ids). Memory is one entry per piece,
/// however large the raster. Not thread-safe.
/// </summary>
public sealed class PieceRegistry
{
    private readonly List<PieceRecord> _pieces = [];
    private readonly List<uint> _parent = [];

    /// <summary>Pieces registered so far.</summary>
    public int Count => _pieces.Count;

    /// <summary>The raw id the next piece gets.</summary>
    public uint NextId => (uint)_pieces.Count + 1;

    /// <summary>Adds a piece; its id must be <see cref="NextId"/>.</summary>
    public void Add(PieceRecord piece)
    {
        if (piece.Id != NextId) throw new InvalidOperationException($"piece {piece.Id} out of order (expected {NextId})");
        _pieces.Add(piece);
        _parent.Add(piece.Id);
    }

    /// <summary>The piece with raw id <paramref name="id"/>.</summary>
    public PieceRecord this[uint id] => _pieces[(int)id - 1];

    /// <summary>The root of <paramref name="id"/>'s set (path halving).</summary>
    public uint Find(uint id)
    {
        while (_parent[(int)id - 1] != id)
        {
            uint grand = _parent[(int)_parent[(int)id - 1] - 1];
            _parent[(int)id - 1] = grand;
            id = grand;
        }
        return id;
    }

    /// <summary>Joins the sets of two pieces; the smaller id becomes the root.</summary>
    public void Union(uint a, uint b)
    {
        uint ra = Find(a), rb = Find(b);
        if (ra == rb) return;
        if (ra < rb) _parent[(int)rb - 1] = ra; else _parent[(int)ra - 1] = rb;
    }

    /// <summary>The merged objects, by root.</summary>
    public Dictionary<uint, MergedObject> Objects()
    {
        var acc = new Dictionary<uint, (long Area, int C0, int R0, int C1, int R1, double Iou, double Stab, int First, HashSet<int> Tiles)>();
        foreach (var p in _pieces)
        {
            uint root = Find(p.Id);
            var b = p.Bounds;
            if (!acc.TryGetValue(root, out var a)) a = (0, int.MaxValue, int.MaxValue, int.MinValue, int.MinValue, 0, 0, p.Tile, []);
            a.Tiles.Add(p.Tile);
            acc[root] = (a.Area + p.AreaInPixels, Math.Min(a.C0, b.Col), Math.Min(a.R0, b.Row), Math.Max(a.C1, b.ColEnd), Math.Max(a.R1, b.RowEnd),
                a.Iou + p.Score.Iou * (double)p.AreaInPixels, a.Stab + p.Score.Stability * (double)p.AreaInPixels, Math.Min(a.First, p.Tile), a.Tiles);
        }
        return acc.ToDictionary(kv => kv.Key, kv =>
        {
            var a = kv.Value;
            return new MergedObject(kv.Key, a.Area, new PixelWindow(a.C0, a.R0, a.C1 - a.C0, a.R1 - a.R0), a.Iou / a.Area, a.Stab / a.Area, a.First, a.Tiles.Count);
        });
    }
}
