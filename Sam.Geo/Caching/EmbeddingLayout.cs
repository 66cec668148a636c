namespace Sam.Geo.Caching;

/// <summary>
/// The shape of a SAM 1 image embedding and the geometry that ties its 64×64 cells to the source window.
/// An embedding is <c>float[256 * 64 * 64]</c>, channel-major (<c>[channel][row][col]</c>), as the encoder's
/// <c>[1,256,64,64]</c> output tensor lays it out.
/// </summary>
public static class EmbeddingLayout
{
    /// <summary>Number of feature channels (bands in the cache file).</summary>
    public const int Channels = 256;

    /// <summary>Cells per side of the embedding grid.</summary>
    public const int GridSize = 64;

    /// <summary>Side of the square model frame the encoder sees, in model pixels.</summary>
    public const int ModelFrameSize = 1024;

    /// <summary>Model-frame pixels per embedding cell side (1024 / 64).</summary>
    public const int CellSizeInModelPixels = ModelFrameSize / GridSize;

    /// <summary>Floats in one embedding (256 × 64 × 64).</summary>
    public const int Length = Channels * GridSize * GridSize;

    /// <summary>
    /// SAM's resize of a <paramref name="width"/>×<paramref name="height"/> image so that its long side is
    /// 1024: <c>new = (int)(side * 1024.0 / max(w, h) + 0.5)</c> (segment_anything's ResizeLongestSide).
    /// </summary>
    public static (int Width, int Height) ResizedSize(int width, int height)
    {
        var frame = Inference.ModelFrame.ForImage(width, height);
        return (frame.ResizedWidth, frame.ResizedHeight);
    }
}
