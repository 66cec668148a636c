namespace Sam.Geo.Prompts;

/// <summary>A box in raster pixel coordinates (corner origin, x = column first); may be fractional.</summary>
public readonly record struct PixelBox(double MinCol, double MinRow, double MaxCol, double MaxRow)
{
    /// <summary>Width in pixels.</summary>
    public double Width => MaxCol - MinCol;

    /// <summary>Height in pixels.</summary>
    public double Height => MaxRow - MinRow;

    /// <summary>The smallest box holding both.</summary>
    public PixelBox Union(PixelBox other) => new(Math.Min(MinCol, other.MinCol), Math.Min(MinRow, other.MinRow),
        Math.Max(MaxCol, other.MaxCol), Math.Max(MaxRow, other.MaxRow));

    /// <summary>A degenerate box around one point.</summary>
    public static PixelBox AtPoint(double col, double row) => new(col, row, col, row);

    /// <summary>True when the box lies inside a raster of the given size.</summary>
    public bool IsInside(int width, int height) => MinCol >= 0 && MinRow >= 0 && MaxCol <= width && MaxRow <= height;
}
