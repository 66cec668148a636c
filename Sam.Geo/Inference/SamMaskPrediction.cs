namespace Sam.Geo.Inference;

/// <summary>
/// What the decoder returned for one prompt: C masks as logits at the original window size, their predicted
/// IoUs, and the 256×256 low-resolution logits for a refinement pass. Arrays are owned by this object.
/// </summary>
public sealed class SamMaskPrediction
{
    /// <summary>Side of the low-resolution masks.</summary>
    public const int LowResSize = 256;

    internal SamMaskPrediction(int maskCount, int width, int height)
    {
        MaskCount = maskCount;
        Width = width;
        Height = height;
        Masks = new float[(long)maskCount * width * height];
        IouPredictions = new float[maskCount];
        LowResMasks = new float[maskCount * LowResSize * LowResSize];
    }

    /// <summary>C: 1 for single-mask exports, 4 for multimask exports (token 0 single, tokens 1-3 multimask).</summary>
    public int MaskCount { get; }

    /// <summary>Mask width = the original window width in pixels.</summary>
    public int Width { get; }

    /// <summary>Mask height = the original window height in pixels.</summary>
    public int Height { get; }

    /// <summary>N, the number of encoded prompt points (padding or box corners included).</summary>
    public int PointCount { get; internal set; }

    /// <summary>Logits [C,H,W] row-major in window pixels; a pixel is in the mask when its logit &gt; 0.</summary>
    public float[] Masks { get; }

    /// <summary>Predicted IoU per mask [C].</summary>
    public float[] IouPredictions { get; }

    /// <summary>Low-resolution logits [C,256,256] in the padded 1024 frame (256 = 1024/4).</summary>
    public float[] LowResMasks { get; }

    /// <summary>
    /// The mask to use, chosen as SAM's ONNX export does when it returns a single mask (<c>select_masks</c>):
    /// with 4 masks and N ≤ 2 encoded points (one click plus padding, or a box alone: an ambiguous prompt) the
    /// multimask token (1-3) with the highest predicted IoU; with more points token 0, the single-mask output.
    /// With C ≠ 4 the mask with the highest predicted IoU.
    /// </summary>
    public int BestIndex
    {
        get
        {
            if (MaskCount == 4) return PointCount > 2 ? 0 : ArgMax(1);
            return ArgMax(0);
        }
    }

    /// <summary>The logits of mask <paramref name="index"/>, H×W row-major.</summary>
    public ReadOnlySpan<float> GetLogits(int index) => Masks.AsSpan(index * Width * Height, Width * Height);

    /// <summary>The 256×256 low-resolution logits of mask <paramref name="index"/>: pass them as the next call's mask input.</summary>
    public ReadOnlySpan<float> GetLowResLogits(int index) =>
        LowResMasks.AsSpan(index * LowResSize * LowResSize, LowResSize * LowResSize);

    /// <summary>
    /// SAM's stability score: count(logit &gt; +offset) / count(logit &gt; -offset) over the full-size mask;
    /// 0 when no logit exceeds -offset.
    /// </summary>
    public float GetStabilityScore(int index, float offset = 1f)
    {
        int intersections = 0, unions = 0;
        foreach (float v in GetLogits(index))
        {
            if (v > offset) intersections++;
            if (v > -offset) unions++;
        }
        return unions == 0 ? 0f : (float)intersections / unions;
    }

    /// <summary>Writes the binary mask (1 where logit &gt; 0, else 0), H×W row-major.</summary>
    public void WriteBinaryMask(int index, Span<byte> destination)
    {
        var logits = GetLogits(index);
        if (destination.Length < logits.Length) throw new ArgumentException("destination too small", nameof(destination));
        for (int i = 0; i < logits.Length; i++) destination[i] = logits[i] > 0f ? (byte)1 : (byte)0;
    }

    /// <summary>The binary mask (1 where logit &gt; 0, else 0), H×W row-major, in a new array.</summary>
    public byte[] GetBinaryMask(int index)
    {
        var mask = new byte[Width * Height];
        WriteBinaryMask(index, mask);
        return mask;
    }

    /// <summary>A deep copy; use it to keep a prediction handed out by <see cref="SamDecoder.DecodePoints"/>.</summary>
    public SamMaskPrediction Clone()
    {
        var copy = new SamMaskPrediction(MaskCount, Width, Height) { PointCount = PointCount };
        Masks.CopyTo(copy.Masks, 0);
        IouPredictions.CopyTo(copy.IouPredictions, 0);
        LowResMasks.CopyTo(copy.LowResMasks, 0);
        return copy;
    }

    private int ArgMax(int first)
    {
        int best = first;
        for (int i = first + 1; i < MaskCount; i++)
            if (IouPredictions[i] > IouPredictions[best]) best = i;
        return best;
    }
}
