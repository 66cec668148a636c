namespace Sam.Geo.Tiling;

/// <summary>The tile <see cref="TileGrid.BestCentredTile"/> chose for a box, with how far the box is from its edges.</summary>
/// <param name="Tile">The chosen tile; it fully contains the box.</param>
/// <param name="MarginInPixels">
/// Smallest distance in raster pixels from the box to any of the tile's four edges (0 when the box touches one).
/// </param>
/// <param name="InteriorMarginInPixels">
/// Smallest distance in raster pixels from the box to the tile's interior edges only (those shared with a
/// neighbour, where a mask can be cut off); <see cref="int.MaxValue"/> when the tile has no interior edge.
/// </param>
public readonly record struct TileChoice(Tile Tile, int MarginInPixels, int InteriorMarginInPixels);
