namespace Sam.Geo.Vectorization;

/// <summary>
/// SAM's small-region cleanup for automatic mode (<c>remove_small_regions</c>, SAM-CONTRACTS §3), in place on a
/// binary mask: fill holes, then remove islands, smaller than an area, with 8-connectivity; when every island is
/// small the largest is kept. As in SAM, a "hole" is any 8-connected background region, including one that
/// touches the mask border. Filled pixels are set to 1.
/// </summary>
public static class SmallRegionRemover
{
    /// <summary>
    /// Fills holes smaller than <paramref name="minAreaInPixels"/>, then removes islands smaller than it
    /// (SAM's <c>postprocess_small_regions</c> order). Returns true when the mask changed.
    /// </summary>
    /// <param name="mask">Row-major pixels, modified in place; nonzero is inside.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="minAreaInPixels">Regions with fewer pixels than this are small; 0 changes nothing.</param>
    public static bool RemoveSmallRegions(Span<byte> mask, int width, int height, int minAreaInPixels)
    {
        bool holes = FillSmallHoles(mask, width, height, minAreaInPixels);
        bool islands = RemoveSmallIslands(mask, width, height, minAreaInPixels);
        return holes || islands;
    }

    /// <summary>Sets to 1 every 8-connected background region with fewer than <paramref name="minAreaInPixels"/> pixels.</summary>
    /// <param name="mask">Row-major pixels, modified in place; nonzero is inside.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="minAreaInPixels">Holes with fewer pixels than this are filled.</param>
    /// <returns>True when a hole was filled.</returns>
    public static bool FillSmallHoles(Span<byte> mask, int width, int height, int minAreaInPixels)
    {
        Validate(mask.Length, width, height, minAreaInPixels);
        using ComponentLabels holes = ComponentLabeller.Label(
            (ReadOnlySpan<byte>)mask, width, height, default(ZeroClasses), PixelConnectivity.Eight);
        var fill = new bool[holes.Count + 1];
        bool any = false;
        for (int id = 1; id <= holes.Count; id++)
            any |= fill[id] = holes.Sizes[id] < minAreaInPixels;
        if (any)
            Rewrite(mask, holes, fill, 1);
        return any;
    }

    /// <summary>
    /// Clears every 8-connected foreground region with fewer than <paramref name="minAreaInPixels"/> pixels; when
    /// all regions are that small, keeps the largest (the first in row-major order on a tie).
    /// </summary>
    /// <param name="mask">Row-major pixels, modified in place; nonzero is inside.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="minAreaInPixels">Islands with fewer pixels than this are removed.</param>
    /// <returns>True when an island was removed.</returns>
    public static bool RemoveSmallIslands(Span<byte> mask, int width, int height, int minAreaInPixels)
    {
        Validate(mask.Length, width, height, minAreaInPixels);
        using ComponentLabels islands = ComponentLabeller.Label(
            (ReadOnlySpan<byte>)mask, width, height, default(NonZeroClasses), PixelConnectivity.Eight);
        var remove = new bool[islands.Count + 1];
        bool any = false, allSmall = true;
        int largest = 0;
        for (int id = 1; id <= islands.Count; id++)
        {
            remove[id] = islands.Sizes[id] < minAreaInPixels;
            any |= remove[id];
            allSmall &= remove[id];
            if (largest == 0 || islands.Sizes[id] > islands.Sizes[largest])
                largest = id;
        }

        if (!any)
            return false;
        if (allSmall)
            remove[largest] = false;
        Rewrite(mask, islands, remove, 0);
        return true;
    }

    private static void Rewrite(Span<byte> mask, ComponentLabels components, bool[] selected, byte value)
    {
        ReadOnlySpan<int> labels = components.Padded;
        int width = components.Width;
        for (int row = 0; row < components.Height; row++)
        {
            int j = components.IndexOf(0, row);
            Span<byte> line = mask.Slice(row * width, width);
            for (int col = 0; col < width; col++, j++)
            {
                if (selected[labels[j]])
                    line[col] = value;
            }
        }
    }

    private static void Validate(int length, int width, int height, int minAreaInPixels)
    {
        MaskArguments.Validate(length, width, height);
        ArgumentOutOfRangeException.ThrowIfNegative(minAreaInPixels);
    }
}
