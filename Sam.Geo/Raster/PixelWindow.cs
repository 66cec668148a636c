namespace Sam.Geo.Raster;

/// <summary>A rectangle of whole raster pixels: columns [Col, Col+Width), rows [Row, Row+Height).</summary>
public readonly record struct PixelWindow(int Col, int Row, int Width, int Height)
{
    /// <summary>One past the last column.</summary>
    public int ColEnd => Col + Width;

    /// <summary>One past the last row.</summary>
    public int RowEnd => Row + Height;

    /// <summary>Number of pixels in the window.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>True when the pixel (col,row) lies inside the window.</summary>
    public bool Contains(int col, int row) => col >= Col && col < ColEnd && row >= Row && row < RowEnd;

    /// <summary>The overlap of two windows, or an empty window when they do not overlap.</summary>
    public PixelWindow Intersect(PixelWindow other)
    {
        int c0 = Math.Max(Col, other.Col), r0 = Math.Max(Row, other.Row);
        int c1 = Math.Min(ColEnd, other.ColEnd), r1 = Math.Min(RowEnd, other.RowEnd);
        return c1 > c0 && r1 > r0 ? new PixelWindow(c0, r0, c1 - c0, r1 - r0) : default;
    }

    /// <summary>True when the window has no pixels.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}+{Col}+{Row}";
}
