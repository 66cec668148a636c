namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// Finds which pieces of a tile continue pieces that earlier tiles wrote, from the pixels both saw: the stored
/// labels under the tile's window. Two pieces are one object when their pixels there coincide
/// for at least a fraction of the smaller of the two parts (intersection over the smaller part), which joins an
/// object cut by the seam and ignores neighbours that merely touch along their boundary.
/// </summary>
public static class SeamMatcher
{
    /// <summary>The (tile piece, neighbour raw id) pairs that are one object.</summary>
    /// <param name="tileLabels">The tile's piece labels over the shared region (0 none), row-major.</param>
    /// <param name="neighbourLabels">The raw ids already stored over the same region (0 none), row-major.</param>
    /// <param name="threshold">Intersection over the smaller part at or above which two pieces match (0, 1].</param>
    public static List<(int Piece, uint Raw)> Match(ReadOnlySpan<int> tileLabels, ReadOnlySpan<uint> neighbourLabels, double threshold)
    {
        var pairs = new Dictionary<(int, uint), int>();
        var pieceCounts = new Dictionary<int, int>();
        var rawCounts = new Dictionary<uint, int>();
        for (int i = 0; i < tileLabels.Length; i++)
        {
            int p = tileLabels[i];
            uint q = neighbourLabels[i];
            if (p != 0) pieceCounts[p] = pieceCounts.GetValueOrDefault(p) + 1;
            if (q != 0) rawCounts[q] = rawCounts.GetValueOrDefault(q) + 1;
            if (p != 0 && q != 0) pairs[(p, q)] = pairs.GetValueOrDefault((p, q)) + 1;
        }
        var matches = new List<(int, uint)>();
        foreach (var ((p, q), shared) in pairs.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2))
        {
            int smaller = Math.Min(pieceCounts[p], rawCounts[q]);
            if (shared >= threshold * smaller) matches.Add((p, q));
        }
        return matches;
    }
}
