namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// One mask SAM proposed for a tile, kept compact as row-major runs so that thousands of proposals fit in
/// memory: <see cref="Runs"/> holds (start, length) pairs of flat pixel indices. Box corners are inclusive
/// pixel indices, as SAM's <c>batched_mask_to_box</c> gives them.
/// </summary>
internal sealed class AutoMaskCandidate
{
    private AutoMaskCandidate(int[] runs, int area, int x0, int y0, int x1, int y1, float iou, float stability)
    {
        Runs = runs;
        Area = area;
        X0 = x0; Y0 = y0; X1 = x1; Y1 = y1;
        Iou = iou;
        Stability = stability;
    }

    /// <summary>(start, length) pairs of flat indices, ascending.</summary>
    public int[] Runs { get; }

    /// <summary>Pixels in the mask.</summary>
    public int Area { get; }

    /// <summary>Leftmost column (inclusive).</summary>
    public int X0 { get; }

    /// <summary>Top row (inclusive).</summary>
    public int Y0 { get; }

    /// <summary>Rightmost column (inclusive).</summary>
    public int X1 { get; }

    /// <summary>Bottom row (inclusive).</summary>
    public int Y1 { get; }

    /// <summary>The decoder's predicted IoU.</summary>
    public float Iou { get; set; }

    /// <summary>The stability score.</summary>
    public float Stability { get; set; }

    /// <summary>The mask where <c>logit &gt; 0</c> and the pixel is valid; null when that is empty.</summary>
    public static AutoMaskCandidate? FromLogits(ReadOnlySpan<float> logits, ReadOnlySpan<byte> valid, int width, float iou, float stability)
    {
        var runs = new List<int>();
        int area = 0, x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        int height = logits.Length / width;
        for (int y = 0; y < height; y++)
        {
            var row = logits.Slice(y * width, width);
            var ok = valid.Slice(y * width, width);
            int x = 0;
            while (x < width)
            {
                while (x < width && !(row[x] > 0f && ok[x] != 0)) x++;
                if (x == width) break;
                int start = x;
                while (x < width && row[x] > 0f && ok[x] != 0) x++;
                runs.Add(y * width + start);
                runs.Add(x - start);
                area += x - start;
                if (start < x0) x0 = start;
                if (x - 1 > x1) x1 = x - 1;
                if (y < y0) y0 = y;
                y1 = y;
            }
        }
        return area == 0 ? null : new AutoMaskCandidate(runs.ToArray(), area, x0, y0, x1, y1, iou, stability);
    }

    /// <summary>The mask of a binary buffer (nonzero inside); null when empty.</summary>
    public static AutoMaskCandidate? FromMask(ReadOnlySpan<byte> mask, int width, float iou, float stability)
    {
        var logits = new float[mask.Length];
        for (int i = 0; i < mask.Length; i++) logits[i] = mask[i] != 0 ? 1f : 0f;
        var all = new byte[mask.Length];
        all.AsSpan().Fill(1);
        return FromLogits(logits, all, width, iou, stability);
    }

    /// <summary>Writes <paramref name="value"/> into the mask's pixels of <paramref name="target"/>.</summary>
    public void Paint(Span<byte> target, byte value)
    {
        for (int k = 0; k < Runs.Length; k += 2) target.Slice(Runs[k], Runs[k + 1]).Fill(value);
    }

    /// <summary>Writes <paramref name="label"/> into the mask's pixels of <paramref name="labels"/> that are still 0.</summary>
    public int PaintUnclaimed(Span<int> labels, int label)
    {
        int painted = 0;
        for (int k = 0; k < Runs.Length; k += 2)
        {
            var run = labels.Slice(Runs[k], Runs[k + 1]);
            for (int i = 0; i < run.Length; i++)
                if (run[i] == 0) { run[i] = label; painted++; }
        }
        return painted;
    }

    /// <summary>True when both masks hold the same pixels.</summary>
    public bool SamePixels(AutoMaskCandidate other) => Area == other.Area && Runs.AsSpan().SequenceEqual(other.Runs);

    /// <summary>A hash of the pixels, for finding identical proposals.</summary>
    public int PixelHash()
    {
        var h = new HashCode();
        h.Add(Area);
        h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Runs.AsSpan()));
        return h.ToHashCode();
    }

    /// <summary>
    /// IoU of the two boxes as torchvision's <c>box_iou</c> computes it on SAM's inclusive corners
    /// (area = (x1 − x0)·(y1 − y0)); 0 when the union is empty.
    /// </summary>
    public double BoxIou(AutoMaskCandidate other)
    {
        double iw = Math.Max(0, Math.Min(X1, other.X1) - Math.Max(X0, other.X0));
        double ih = Math.Max(0, Math.Min(Y1, other.Y1) - Math.Max(Y0, other.Y0));
        double inter = iw * ih;
        double union = (double)(X1 - X0) * (Y1 - Y0) + (double)(other.X1 - other.X0) * (other.Y1 - other.Y0) - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
