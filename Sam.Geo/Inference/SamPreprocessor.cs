namespace Sam.Geo.Inference;

/// <summary>
/// SAM 1 image preprocessing over spans (SAM-CONTRACTS §2): resize so the long side is 1024 with Pillow's
/// bilinear filter, round to uint8, then either normalise into a zero-padded NCHW tensor or convert to float
/// HWC pixels for encoders that preprocess inside the graph. Pure; the caller owns every buffer.
/// </summary>
public static class SamPreprocessor
{
    /// <summary>Per-channel mean on the 0-255 scale (R, G, B).</summary>
    public static ReadOnlySpan<float> PixelMean => [123.675f, 116.28f, 103.53f];

    /// <summary>Per-channel standard deviation on the 0-255 scale (R, G, B).</summary>
    public static ReadOnlySpan<float> PixelStd => [58.395f, 57.12f, 57.375f];

    /// <summary>Elements of the [1,3,1024,1024] encoder input.</summary>
    public const int TensorLength = 3 * ModelFrame.Size * ModelFrame.Size;

    // (v - mean) / std in float32, the same operations the in-graph preprocessing performs
    private static readonly float[] NormalizedLookup = BuildLookup();

    /// <summary>
    /// Resizes 8-bit interleaved RGB so that the long side is 1024 (<see cref="ModelFrame.ForImage"/>).
    /// </summary>
    /// <param name="rgb">Interleaved RGB, row-major, <c>width*height*3</c> bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="resized">Receives <c>neww*newh*3</c> bytes; 1024*1024*3 always suffices.</param>
    /// <returns>The frame, holding the resized size.</returns>
    public static ModelFrame ResizeLongSide(ReadOnlySpan<byte> rgb, int width, int height, Span<byte> resized)
    {
        var frame = ModelFrame.ForImage(width, height);
        PilBilinearResize.Resize(rgb, width, height, resized, frame.ResizedWidth, frame.ResizedHeight);
        return frame;
    }

    /// <summary>
    /// The whole preprocessing for an encoder of the given input style: <see cref="ResizeLongSide"/>, then
    /// <see cref="ToNormalizedNchw"/> or <see cref="ToHwcPixels"/>.
    /// </summary>
    /// <param name="rgb">Interleaved RGB, row-major, <c>width*height*3</c> bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="style">The encoder's input style.</param>
    /// <param name="resized">Scratch for the resized bytes: 1024*1024*3.</param>
    /// <param name="input">Receives the tensor: <see cref="TensorLength"/> floats.</param>
    /// <returns>The frame, the tensor's shape, and how many floats of <paramref name="input"/> it holds.</returns>
    internal static (ModelFrame Frame, long[] Shape, int Count) ToEncoderInput(
        ReadOnlySpan<byte> rgb, int width, int height, EncoderInputStyle style, Span<byte> resized, Span<float> input)
    {
        var frame = ResizeLongSide(rgb, width, height, resized);
        int resizedBytes = frame.ResizedWidth * frame.ResizedHeight * 3;
        if (style == EncoderInputStyle.NormalizedNchw)
        {
            ToNormalizedNchw(resized[..resizedBytes], frame.ResizedWidth, frame.ResizedHeight, input);
            return (frame, [1, 3, ModelFrame.Size, ModelFrame.Size], TensorLength);
        }
        ToHwcPixels(resized[..resizedBytes], input);
        return (frame, [frame.ResizedHeight, frame.ResizedWidth, 3], resizedBytes);
    }

    /// <summary>
    /// Normalises resized RGB per channel and writes it as NCHW [1,3,1024,1024], zero-padded right and bottom
    /// (the padding is after normalisation, so padded values are 0).
    /// </summary>
    /// <param name="resizedRgb">Interleaved RGB of <paramref name="width"/>×<paramref name="height"/> (each ≤ 1024).</param>
    /// <param name="width">Resized width in pixels.</param>
    /// <param name="height">Resized height in pixels.</param>
    /// <param name="tensor">Receives <see cref="TensorLength"/> floats.</param>
    public static void ToNormalizedNchw(ReadOnlySpan<byte> resizedRgb, int width, int height, Span<float> tensor)
    {
        const int size = ModelFrame.Size;
        if (width > size || height > size) throw new ArgumentException("the resized image exceeds 1024 pixels");
        if (tensor.Length < TensorLength) throw new ArgumentException($"tensor must hold {TensorLength} floats", nameof(tensor));
        var lookup = NormalizedLookup.AsSpan();
        for (int c = 0; c < 3; c++)
        {
            var plane = tensor.Slice(c * size * size, size * size);
            var channelLookup = lookup.Slice(c * 256, 256);
            for (int y = 0; y < height; y++)
            {
                var row = plane.Slice(y * size, size);
                var src = resizedRgb.Slice(y * width * 3, width * 3);
                for (int x = 0; x < width; x++) row[x] = channelLookup[src[x * 3 + c]];
                row[width..].Clear();
            }
            plane[(height * size)..].Clear();
        }
    }

    /// <summary>
    /// Converts resized RGB bytes to float HWC pixels on the 0-255 scale, for encoders with preprocessing
    /// inside the graph (samexporter's <c>input_image</c> [h,w,3]).
    /// </summary>
    /// <param name="resizedRgb">Interleaved RGB bytes.</param>
    /// <param name="hwc">Receives one float per byte of <paramref name="resizedRgb"/>.</param>
    public static void ToHwcPixels(ReadOnlySpan<byte> resizedRgb, Span<float> hwc)
    {
        if (hwc.Length < resizedRgb.Length) throw new ArgumentException("destination too small", nameof(hwc));
        for (int i = 0; i < resizedRgb.Length; i++) hwc[i] = resizedRgb[i];
    }

    private static float[] BuildLookup()
    {
        var table = new float[3 * 256];
        for (int c = 0; c < 3; c++)
            for (int v = 0; v < 256; v++)
                table[c * 256 + v] = ((float)v - PixelMean[c]) / PixelStd[c];
        return table;
    }
}
