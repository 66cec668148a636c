namespace Sam.Geo.Inference;

/// <summary>
/// The geometry between an original image (a window of the raster, in its pixels) and SAM's 1024 model
/// frame: the long side is resized to 1024 with the aspect ratio kept, and the rest padded at the right
/// and bottom (SAM-CONTRACTS §2). Pure value; no rounding of coordinates.
/// </summary>
public readonly record struct ModelFrame
{
    /// <summary>Side of SAM 1's square input, in model-frame pixels.</summary>
    public const int Size = 1024;

    private ModelFrame(int originalWidth, int originalHeight, int resizedWidth, int resizedHeight)
    {
        OriginalWidth = originalWidth;
        OriginalHeight = originalHeight;
        ResizedWidth = resizedWidth;
        ResizedHeight = resizedHeight;
    }

    /// <summary>Width of the original image, in its pixels.</summary>
    public int OriginalWidth { get; }

    /// <summary>Height of the original image, in its pixels.</summary>
    public int OriginalHeight { get; }

    /// <summary>Width of the resized image inside the 1024 frame (<c>neww</c>).</summary>
    public int ResizedWidth { get; }

    /// <summary>Height of the resized image inside the 1024 frame (<c>newh</c>).</summary>
    public int ResizedHeight { get; }

    /// <summary><c>1024 / max(width, height)</c>.</summary>
    public double Scale => (double)Size / Math.Max(OriginalWidth, OriginalHeight);

    /// <summary>
    /// The frame for an image of the given size, computed as SAM's <c>ResizeLongestSide</c> does:
    /// <c>scale = 1024 / max(h, w)</c>, <c>newh = int(h*scale + 0.5)</c>, <c>neww = int(w*scale + 0.5)</c>.
    /// </summary>
    /// <param name="width">Original width in pixels (&gt; 0).</param>
    /// <param name="height">Original height in pixels (&gt; 0).</param>
    public static ModelFrame ForImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        double scale = Size * 1.0 / Math.Max(width, height);
        return new ModelFrame(width, height, (int)(width * scale + 0.5), (int)(height * scale + 0.5));
    }

    /// <summary>
    /// Maps a position in original pixels to the model frame: <c>x' = x * neww / w</c>, <c>y' = y * newh / h</c>
    /// (SAM's <c>apply_coords</c>). No half-pixel offset is added; the decoder graph adds its own.
    /// </summary>
    public (double X, double Y) ToModel(double x, double y) =>
        (x * ((double)ResizedWidth / OriginalWidth), y * ((double)ResizedHeight / OriginalHeight));

    /// <summary>The inverse of <see cref="ToModel"/>: model-frame pixels back to original pixels.</summary>
    public (double X, double Y) ToOriginal(double modelX, double modelY) =>
        (modelX * ((double)OriginalWidth / ResizedWidth), modelY * ((double)OriginalHeight / ResizedHeight));
}
