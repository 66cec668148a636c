namespace Sam.Geo.Inference;

/// <summary>
/// A SAM 1 image embedding [1,256,64,64] float32 together with the frame of the image it was computed
/// from. Immutable by convention: decoders read <see cref="Data"/> and never write it, so one embedding can
/// serve many decoder calls on several threads.
/// </summary>
public sealed class ImageEmbedding
{
    /// <summary>Elements of a [1,256,64,64] embedding.</summary>
    public const int Length = 256 * 64 * 64;

    /// <summary>Wraps an embedding (e.g. read back from a cache); the array is not copied.</summary>
    /// <param name="data">[1,256,64,64] float32, row-major; <see cref="Length"/> elements.</param>
    /// <param name="frame">Original and resized size of the image that was encoded.</param>
    public ImageEmbedding(float[] data, ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != Length) throw new ArgumentException($"an embedding has {Length} floats, got {data.Length}", nameof(data));
        if (frame.OriginalWidth <= 0) throw new ArgumentException("the frame is empty", nameof(frame));
        Data = data;
        Frame = frame;
    }

    /// <summary>The embedding values, [1,256,64,64] row-major.</summary>
    public float[] Data { get; }

    /// <summary>Original size (the window in pixels) and resized size inside the 1024 frame.</summary>
    public ModelFrame Frame { get; }
}
