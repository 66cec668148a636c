using Sam.Geo.Raster;

namespace Sam.Geo.Tiling;

/// <summary>One tile of a <see cref="TileGrid"/>.</summary>
/// <param name="Id">The tile's stable id (grid row and column).</param>
/// <param name="Window">The tile's pixels in raster pixel coordinates; never extends beyond the raster.</param>
/// <param name="InteriorEdges">Edges shared with a neighbouring tile; the others lie on the raster's border.</param>
public readonly record struct Tile(TileId Id, PixelWindow Window, TileEdges InteriorEdges)
{
    /// <summary>True when <paramref name="edge"/> (a single edge) is shared with a neighbouring tile.</summary>
    public bool IsInterior(TileEdges edge) => edge != TileEdges.None && (InteriorEdges & edge) == edge;
}
