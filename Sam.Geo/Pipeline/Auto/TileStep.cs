using Sam.Geo.Inference;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// One tile of an automatic run: segment it, give its pieces raw ids, join them with the pieces already on disk
/// under its window, and write its labels. Grid coordinates are relative to the area of interest.
/// </summary>
/// <remarks>
/// A tile owns its core: there its own pieces win, and where it found nothing it keeps what earlier tiles left.
/// In the parts of its neighbours' cores inside its window it fills only pixels still unclaimed (0): an earlier
/// neighbour's pieces stay, and a later neighbour overrides these provisional labels with its own pieces. So an
/// object that only one of two neighbours finds is not cut straight at their core boundary.
/// </remarks>
internal sealed class TileStep(SamDecoder decoder, EmbeddingProvider embeddings, AutoSegmentationOptions options,
    RasterSource source, PixelWindow area, TileCores cores, TileLabelStore store, StageTimer timer, int minAreaPixels)
{
    /// <summary>Segments tile <paramref name="index"/>; its pieces get ids from <paramref name="firstId"/> on.</summary>
    public TileRecord Segment(int index, uint firstId, out bool empty, CancellationToken cancellation)
    {
        var window = cores.Grid[index].Window;
        var scaled = ScaledWindow.Unscaled(new PixelWindow(window.Col + area.Col, window.Row + area.Row, window.Width, window.Height));
        var embedding = embeddings.Get(source, scaled, out _);
        empty = embedding is null;
        if (embedding is null) return new TileRecord(index, [], []);
        byte[] valid;
        using (timer.Measure(Stage.Read)) valid = source.ReadValidMask(scaled);
        var segmentation = AutoMaskGenerator.Generate(decoder, embedding, valid, options, minAreaPixels, timer, cancellation);
        var ours = segmentation.Labels;

        // The cores under the window, as stored now, and the same labels over the window.
        var owners = new List<(int Tile, PixelWindow Region, uint[] Core, bool Existed)>();
        var existing = new uint[ours.Length];
        using (timer.Measure(Stage.SeamMerge))
        {
            foreach (var neighbour in cores.Grid.TilesIntersecting(window))
            {
                int n = neighbour.Id.Row * cores.Grid.Columns + neighbour.Id.Column;
                var region = window.Intersect(cores[n]);
                if (region.IsEmpty) continue;
                var stored = store.ReadCore(n);
                owners.Add((n, region, stored ?? store.RentCore(n), stored is not null));
                if (stored is null) continue;
                ForEachRow(region, cores[n], window, (coreRow, windowRow) =>
                {
                    var target = existing.AsSpan(windowRow, region.Width);
                    stored.AsSpan(coreRow, region.Width).CopyTo(target);
                    // Ids from firstId on were left by an interrupted attempt at this tile: redo it from scratch.
                    foreach (ref uint v in target) if (v >= firstId) v = 0;
                });
            }
        }

        var pieces = new List<PieceRecord>();
        var rawOf = new uint[segmentation.Scores.Count + 1];
        using (timer.Measure(Stage.PostProcess))
        {
            var areas = new long[rawOf.Length];
            var bounds = new (int C0, int R0, int C1, int R1)[rawOf.Length];
            for (int k = 1; k < bounds.Length; k++) bounds[k] = (int.MaxValue, int.MaxValue, -1, -1);
            foreach (var (n, region, _, _) in owners)
            {
                for (int r = region.Row; r < region.RowEnd; r++)
                {
                    int offset = (r - window.Row) * window.Width + region.Col - window.Col;
                    for (int c = 0; c < region.Width; c++)
                    {
                        int k = ours[offset + c];
                        if (k == 0 || (n != index && existing[offset + c] != 0)) continue;
                        areas[k]++;
                        ref var b = ref bounds[k];
                        b = (Math.Min(b.C0, region.Col + c), Math.Min(b.R0, r), Math.Max(b.C1, region.Col + c), Math.Max(b.R1, r));
                    }
                }
            }
            uint next = firstId;
            for (int k = 1; k < rawOf.Length; k++)
            {
                if (areas[k] == 0) continue; // hidden under earlier neighbours' pieces
                rawOf[k] = next++;
                var b = bounds[k];
                pieces.Add(new PieceRecord(rawOf[k], index, areas[k], new PixelWindow(b.C0, b.R0, b.C1 - b.C0 + 1, b.R1 - b.R0 + 1), segmentation.Scores[k - 1]));
            }
        }

        var unions = new List<(uint, uint)>();
        using (timer.Measure(Stage.SeamMerge))
        {
            foreach (var (piece, raw) in SeamMatcher.Match(ours, existing, options.SeamMatchThreshold))
                if (rawOf[piece] != 0) unions.Add((rawOf[piece], raw));
        }

        foreach (var (n, region, core, existed) in owners)
        {
            bool changed = false;
            using (timer.Measure(Stage.SeamMerge))
            {
                ForEachRow(region, cores[n], window, (coreRow, windowRow) =>
                {
                    var target = core.AsSpan(coreRow, region.Width);
                    var mine = ours.AsSpan(windowRow, region.Width);
                    var before = existing.AsSpan(windowRow, region.Width);
                    for (int c = 0; c < target.Length; c++)
                    {
                        uint label = n == index
                            ? (mine[c] != 0 ? rawOf[mine[c]] : before[c])
                            : (before[c] != 0 ? before[c] : rawOf[mine[c]]);
                        if (target[c] != label) { target[c] = label; changed = true; }
                    }
                });
            }
            // A tile with pieces always has its own file: resuming checks for it.
            if (changed || (n == index && pieces.Count > 0 && !existed))
                using (timer.Measure(Stage.Write)) store.Write(n, core.AsSpan(0, cores[n].Width * cores[n].Height));
            TileLabelStore.Return(core);
        }
        return new TileRecord(index, pieces, unions);
    }

    /// <summary>Calls <paramref name="row"/> with the offsets of each row of <paramref name="region"/> in the core's and the window's arrays.</summary>
    private static void ForEachRow(PixelWindow region, PixelWindow core, PixelWindow window, Action<int, int> row)
    {
        for (int r = region.Row; r < region.RowEnd; r++)
            row((r - core.Row) * core.Width + region.Col - core.Col, (r - window.Row) * window.Width + region.Col - window.Col);
    }
}
