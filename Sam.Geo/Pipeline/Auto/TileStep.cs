using Sam.Geo.Inference;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// One tile of an automatic run: segment it, give its core pieces raw ids, join them with the pieces its
/// earlier neighbours wrote, and write its core labels. Grid coordinates are relative to the area of interest.
/// </summary>
internal sealed class TileStep(SamDecoder decoder, EmbeddingProvider embeddings, AutoSegmentationOptions options,
    RasterSource source, PixelWindow area, TileCores cores, TileLabelStore store, StageTimer timer, int minAreaPixels)
{
    /// <summary>Segments tile <paramref name="index"/>; its pieces get ids from <paramref name="firstId"/> on.</summary>
    public TileRecord Segment(int index, uint firstId, out bool empty, CancellationToken cancellation)
    {
        var grid = cores.Grid;
        var tile = grid[index];
        var window = tile.Window;
        var scaled = new ScaledWindow(new PixelWindow(window.Col + area.Col, window.Row + area.Row, window.Width, window.Height), window.Width, window.Height);
        var embedding = embeddings.Get(source, scaled, out _);
        empty = embedding is null;
        if (embedding is null) return new TileRecord(index, [], []);
        byte[] valid;
        using (timer.Measure(Stage.Read)) valid = source.ReadValidMask(scaled);
        var segmentation = AutoMaskGenerator.Generate(decoder, embedding, valid, options, minAreaPixels, timer, cancellation);

        var core = cores[index];
        var pieces = new List<PieceRecord>();
        var rawOf = new uint[segmentation.Scores.Count + 1];
        uint[]? coreLabels = null;
        using (timer.Measure(Stage.PostProcess))
        {
            var areas = new long[rawOf.Length];
            var bounds = new (int C0, int R0, int C1, int R1)[rawOf.Length];
            for (int k = 1; k < bounds.Length; k++) bounds[k] = (int.MaxValue, int.MaxValue, -1, -1);
            for (int r = core.Row; r < core.RowEnd; r++)
            {
                var row = segmentation.Labels.AsSpan((r - window.Row) * window.Width + core.Col - window.Col, core.Width);
                for (int c = 0; c < row.Length; c++)
                {
                    int k = row[c];
                    if (k == 0) continue;
                    areas[k]++;
                    ref var b = ref bounds[k];
                    b = (Math.Min(b.C0, core.Col + c), Math.Min(b.R0, r), Math.Max(b.C1, core.Col + c), r);
                }
            }
            uint next = firstId;
            for (int k = 1; k < rawOf.Length; k++)
            {
                if (areas[k] == 0) continue; // wholly in a neighbour's core: that neighbour owns it
                rawOf[k] = next++;
                var b = bounds[k];
                pieces.Add(new PieceRecord(rawOf[k], index, areas[k], new PixelWindow(b.C0, b.R0, b.C1 - b.C0 + 1, b.R1 - b.R0 + 1), segmentation.Scores[k - 1]));
            }
            if (pieces.Count > 0)
            {
                coreLabels = new uint[core.Width * core.Height];
                for (int r = 0; r < core.Height; r++)
                {
                    var row = segmentation.Labels.AsSpan((core.Row + r - window.Row) * window.Width + core.Col - window.Col, core.Width);
                    var target = coreLabels.AsSpan(r * core.Width, core.Width);
                    for (int c = 0; c < row.Length; c++) target[c] = rawOf[row[c]];
                }
            }
        }

        var unions = new List<(uint, uint)>();
        using (timer.Measure(Stage.SeamMerge))
        {
            foreach (var neighbour in grid.TilesIntersecting(window))
            {
                int n = neighbour.Id.Row * grid.Columns + neighbour.Id.Column;
                if (n >= index) continue;
                var shared = window.Intersect(cores[n]);
                if (shared.IsEmpty) continue;
                var theirs = store.ReadRegion(n, shared);
                var ours = new int[theirs.Length];
                for (int r = 0; r < shared.Height; r++)
                    segmentation.Labels.AsSpan((shared.Row + r - window.Row) * window.Width + shared.Col - window.Col, shared.Width)
                        .CopyTo(ours.AsSpan(r * shared.Width, shared.Width));
                foreach (var (piece, raw) in SeamMatcher.Match(ours, theirs, options.SeamMatchThreshold))
                    if (rawOf[piece] != 0) unions.Add((rawOf[piece], raw));
            }
        }
        if (coreLabels is not null)
            using (timer.Measure(Stage.Write)) store.Write(index, coreLabels);
        return new TileRecord(index, pieces, unions);
    }
}
