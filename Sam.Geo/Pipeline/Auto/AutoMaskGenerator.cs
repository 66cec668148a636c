using System.Diagnostics;
using Sam.Geo.Inference;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>Scores of one piece of a tile's segmentation.</summary>
/// <param name="Iou">The decoder's predicted IoU of the mask the piece came from.</param>
/// <param name="Stability">Its stability score.</param>
public readonly record struct PieceScore(float Iou, float Stability);

/// <summary>
/// A tile segmented into non-overlapping pieces: <see cref="Labels"/> holds, per tile pixel (row-major, tile
/// output size), 0 or the 1-based index of the piece in <see cref="Scores"/>.
/// </summary>
/// <param name="Labels">Row-major piece labels, 0 where no mask claimed the pixel.</param>
/// <param name="Width">Tile width in pixels.</param>
/// <param name="Height">Tile height in pixels.</param>
/// <param name="Scores">Scores of piece k at index k − 1.</param>
/// <param name="Proposals">Masks that passed the IoU and stability filters (before deduplication).</param>
public sealed record TileSegmentation(int[] Labels, int Width, int Height, IReadOnlyList<PieceScore> Scores, int Proposals);

/// <summary>
/// SAM's automatic mask generation on one tile (SAM-CONTRACTS §3): a grid of single foreground clicks, each
/// decoded against the tile's embedding; masks kept when predicted IoU &gt; threshold and stability ≥ threshold;
/// clipped to valid data; box NMS by predicted IoU; optional small-region cleanup followed by a second NMS that
/// prefers unchanged masks; finally overlaps resolved so every pixel belongs to at most one mask, the
/// highest-scored first.
/// </summary>
public static class AutoMaskGenerator
{
    /// <summary>The click grid of a tile in its pixels (corner origin), x varying fastest.</summary>
    public static IReadOnlyList<SamPoint> PointGrid(int width, int height, int pointsPerSide)
    {
        var points = new SamPoint[pointsPerSide * pointsPerSide];
        for (int j = 0; j < pointsPerSide; j++)
            for (int i = 0; i < pointsPerSide; i++)
                points[j * pointsPerSide + i] = new SamPoint((i + 0.5) / pointsPerSide * width, (j + 0.5) / pointsPerSide * height);
        return points;
    }

    /// <summary>Segments one tile.</summary>
    /// <param name="decoder">The SAM decoder.</param>
    /// <param name="embedding">The tile's embedding.</param>
    /// <param name="valid">Valid-data mask of the tile (1 valid), row-major at the embedding's original size.</param>
    /// <param name="options">Thresholds.</param>
    /// <param name="minAreaInPixels">Small-region cleanup area in tile pixels; 0 for none.</param>
    /// <param name="timer">Receives decode and post-processing time.</param>
    /// <param name="cancellation">Checked between batches of points.</param>
    public static TileSegmentation Generate(SamDecoder decoder, ImageEmbedding embedding, ReadOnlySpan<byte> valid,
        AutoSegmentationOptions options, int minAreaInPixels, StageTimer timer, CancellationToken cancellation = default)
    {
        int w = embedding.Frame.OriginalWidth, h = embedding.Frame.OriginalHeight;
        var validCopy = valid.ToArray();
        // Clicks on nodata only find nodata, which is clipped away: skip them.
        var points = PointGrid(w, h, options.PointsPerSide)
            .Where(p => validCopy[Math.Min(h - 1, (int)p.Y) * w + Math.Min(w - 1, (int)p.X)] != 0).ToList();

        var candidates = new List<AutoMaskCandidate>();
        var byHash = new Dictionary<int, List<int>>();
        int proposals = 0;
        long postTicks = 0;
        var decodeClock = Stopwatch.StartNew();
        // One call for the whole grid: its tensors and result buffers are made once per tile, not per batch.
        // The batch size only says how often cancellation is checked (SAM 1 decoders take one click per run).
        {
            decoder.DecodePoints(embedding, points, (index, prediction) =>
            {
                if (index % options.PointsPerBatch == 0) cancellation.ThrowIfCancellationRequested();
                long t0 = Stopwatch.GetTimestamp();
                // With C = 4, tokens 1-3 are SAM's three multimask outputs; token 0 is the single-mask output.
                for (int k = prediction.MaskCount == 4 ? 1 : 0; k < prediction.MaskCount; k++)
                {
                    float iou = prediction.IouPredictions[k];
                    if (!(iou > options.PredIouThreshold)) continue;
                    float stability = prediction.GetStabilityScore(k, (float)options.StabilityOffset);
                    if (stability < options.StabilityThreshold) continue;
                    proposals++;
                    var mask = AutoMaskCandidate.FromLogits(prediction.GetLogits(k), validCopy, w, iou, stability);
                    if (mask is not null) AddUnlessDuplicate(candidates, byHash, mask);
                }
                postTicks += Stopwatch.GetTimestamp() - t0;
            });
        }
        decodeClock.Stop();
        var post = Stopwatch.GetElapsedTime(0, postTicks);
        timer.AddTime(Stage.Decode, decodeClock.Elapsed - post);
        timer.AddTime(Stage.PostProcess, post);

        using (timer.Measure(Stage.PostProcess))
        {
            var kept = Nms(candidates, c => c.Iou, options.BoxNmsThreshold);
            if (minAreaInPixels > 0) kept = RemoveSmallRegions(kept, w, h, minAreaInPixels, options.BoxNmsThreshold);
            return ResolveOverlaps(kept, w, h, proposals);
        }
    }

    /// <summary>Keeps one of identical proposals (the best scored): NMS would drop the others anyway.</summary>
    private static void AddUnlessDuplicate(List<AutoMaskCandidate> candidates, Dictionary<int, List<int>> byHash, AutoMaskCandidate mask)
    {
        int hash = mask.PixelHash();
        if (!byHash.TryGetValue(hash, out var same)) byHash[hash] = same = [];
        foreach (int i in same)
        {
            if (!candidates[i].SamePixels(mask)) continue;
            if (mask.Iou > candidates[i].Iou) { candidates[i].Iou = mask.Iou; candidates[i].Stability = mask.Stability; }
            return;
        }
        same.Add(candidates.Count);
        candidates.Add(mask);
    }

    /// <summary>Greedy box NMS: best score first (earlier on a tie), dropping boxes overlapping a kept one above the threshold.</summary>
    internal static List<AutoMaskCandidate> Nms(List<AutoMaskCandidate> masks, Func<AutoMaskCandidate, float> score, double threshold)
    {
        var order = Enumerable.Range(0, masks.Count).OrderByDescending(i => score(masks[i])).ThenBy(i => i);
        var kept = new List<AutoMaskCandidate>();
        foreach (int i in order)
        {
            var m = masks[i];
            bool suppressed = false;
            foreach (var k in kept)
                if (k.BoxIou(m) > threshold) { suppressed = true; break; }
            if (!suppressed) kept.Add(m);
        }
        return kept;
    }

    /// <summary>SAM's <c>postprocess_small_regions</c>: clean each mask, then NMS preferring unchanged masks.</summary>
    private static List<AutoMaskCandidate> RemoveSmallRegions(List<AutoMaskCandidate> masks, int w, int h, int minArea, double nmsThreshold)
    {
        var buffer = new byte[w * h];
        var cleaned = new List<AutoMaskCandidate>();
        var unchanged = new HashSet<AutoMaskCandidate>();
        foreach (var m in masks)
        {
            Array.Clear(buffer);
            m.Paint(buffer, 1);
            if (!SmallRegionRemover.RemoveSmallRegions(buffer, w, h, minArea)) { cleaned.Add(m); unchanged.Add(m); continue; }
            if (AutoMaskCandidate.FromMask(buffer, w, m.Iou, m.Stability) is { } c) cleaned.Add(c);
        }
        return Nms(cleaned, c => unchanged.Contains(c) ? 1f : 0f, nmsThreshold);
    }

    /// <summary>Paints the masks best first; each pixel goes to the first mask that claims it.</summary>
    private static TileSegmentation ResolveOverlaps(List<AutoMaskCandidate> masks, int w, int h, int proposals)
    {
        var labels = new int[w * h];
        var scores = new List<PieceScore>();
        var order = masks.Select((m, i) => (m, i)).OrderByDescending(x => x.m.Iou).ThenByDescending(x => x.m.Stability).ThenBy(x => x.i);
        foreach (var (m, _) in order)
        {
            int label = scores.Count + 1;
            if (m.PaintUnclaimed(labels, label) > 0) scores.Add(new PieceScore(m.Iou, m.Stability));
        }
        return new TileSegmentation(labels, w, h, scores, proposals);
    }
}
