namespace Sam.Geo.Tiling;

/// <summary>
/// Tiling of one raster axis: tile i starts at <c>min(i*Stride, Length-Size)</c>, so the last tile is shifted
/// inward and keeps full size. When the axis is not longer than a tile there is one tile of the axis' length.
/// Tile starts increase strictly with the index, so every query below is a contiguous index range.
/// </summary>
internal readonly struct TileAxis
{
    public TileAxis(int length, int tileSize, int stride)
    {
        Length = length;
        Stride = stride;
        Size = Math.Min(tileSize, length);
        // ceil((length - tileSize) / stride) + 1 tiles; the last start (Length - Size) needs no extra tile.
        Count = length <= tileSize ? 1 : (int)(((long)length - tileSize + stride - 1) / stride) + 1;
    }

    /// <summary>Pixels along the axis.</summary>
    public int Length { get; }

    /// <summary>Tile length along the axis in pixels (the same for every tile).</summary>
    public int Size { get; }

    /// <summary>Distance between consecutive tile starts, except the last (shifted) tile.</summary>
    public int Stride { get; }

    /// <summary>Number of tiles along the axis.</summary>
    public int Count { get; }

    /// <summary>First pixel of tile <paramref name="index"/>.</summary>
    public int Start(int index) => index == Count - 1 ? Length - Size : index * Stride;

    /// <summary>
    /// Index range [first, last] of the tiles that overlap the pixel range [<paramref name="from"/>,
    /// <paramref name="to"/>), which must lie inside the axis and be non-empty.
    /// </summary>
    public (int First, int Last) Overlapping(int from, int to)
    {
        // Ends are i*Stride + Size before the last tile and Length for it: smallest i whose end is > from.
        int first = Math.Min(FloorDiv(from - Size, Stride) + 1, Count - 1);
        first = Math.Max(first, 0);
        // Largest i whose start is < to; the shifted last tile may start before (Count-1)*Stride, so test it first.
        int last = Start(Count - 1) < to ? Count - 1 : Math.Min(FloorDiv(to - 1, Stride), Count - 1);
        return (first, last);
    }

    /// <summary>
    /// Index range [first, last] of the tiles that fully contain the pixel range [<paramref name="from"/>,
    /// <paramref name="to"/>); empty (first &gt; last) when none does.
    /// </summary>
    public (int First, int Last) Containing(int from, int to)
    {
        // Containing tiles start at or before 'from' and end at or after 'to': among overlapping ones,
        // those are a contiguous run because starts and ends both increase with the index.
        if (to - from > Size)
            return (0, -1);
        var (first, last) = Overlapping(from, to);
        while (first <= last && Start(first) + Size < to)
            first++;
        while (last >= first && Start(last) > from)
            last--;
        return (first, last);
    }

    private static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);
}
