namespace Sam.Geo.Tiling;

/// <summary>
/// A set of tile edges. <see cref="TileGrid"/> uses it to say which edges of a tile are interior (shared with
/// a neighbouring tile, so a mask touching them may be cut off) rather than edges of the raster.
/// Left/right are the column-axis edges, top/bottom the row-axis edges (row 0 at the top).
/// </summary>
[Flags]
public enum TileEdges
{
    /// <summary>No edge.</summary>
    None = 0,

    /// <summary>The edge at the tile's first column.</summary>
    Left = 1,

    /// <summary>The edge at the tile's first row.</summary>
    Top = 2,

    /// <summary>The edge after the tile's last column.</summary>
    Right = 4,

    /// <summary>The edge after the tile's last row.</summary>
    Bottom = 8,

    /// <summary>All four edges.</summary>
    All = Left | Top | Right | Bottom,
}
