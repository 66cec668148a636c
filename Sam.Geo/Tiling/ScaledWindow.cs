using Sam.Geo.Raster;

namespace Sam.Geo.Tiling;

/// <summary>
/// A window of the raster read at a downscale: the whole-pixel <see cref="Source"/> window is resampled into
/// <see cref="OutputWidth"/> × <see cref="OutputHeight"/> pixels. Window pixel coordinates have their origin at the
/// top-left corner of the window's top-left output pixel; a window pixel (u, v) maps to raster pixel
/// (<c>Source.Col + u*ScaleX</c>, <c>Source.Row + v*ScaleY</c>), which is how GDAL's RasterIO resamples a window.
/// </summary>
public readonly record struct ScaledWindow
{
    /// <summary>Default long side of the output in pixels (SAM's input size).</summary>
    public const int DefaultTargetSize = 1024;

    /// <summary>Creates a window that reads <paramref name="source"/> into an output of the given size.</summary>
    /// <param name="source">Raster pixels read (non-empty).</param>
    /// <param name="outputWidth">Output width in pixels, 1 to <c>source.Width</c> (never upsampled).</param>
    /// <param name="outputHeight">Output height in pixels, 1 to <c>source.Height</c> (never upsampled).</param>
    /// <exception cref="ArgumentOutOfRangeException">When the source is empty or an output size is out of range.</exception>
    public ScaledWindow(PixelWindow source, int outputWidth, int outputHeight)
    {
        if (source.IsEmpty)
            throw new ArgumentOutOfRangeException(nameof(source), source, "The source window has no pixels.");
        if (outputWidth < 1 || outputWidth > source.Width)
            throw new ArgumentOutOfRangeException(nameof(outputWidth), outputWidth,
                $"The output width must be 1 to the source width ({source.Width} pixels); windows are never upsampled.");
        if (outputHeight < 1 || outputHeight > source.Height)
            throw new ArgumentOutOfRangeException(nameof(outputHeight), outputHeight,
                $"The output height must be 1 to the source height ({source.Height} pixels); windows are never upsampled.");
        Source = source;
        OutputWidth = outputWidth;
        OutputHeight = outputHeight;
    }

    /// <summary>The raster pixels read, in raster pixel coordinates.</summary>
    public PixelWindow Source { get; }

    /// <summary>Output width in pixels.</summary>
    public int OutputWidth { get; }

    /// <summary>Output height in pixels.</summary>
    public int OutputHeight { get; }

    /// <summary>Raster pixels per output pixel along the column axis (≥ 1).</summary>
    public double ScaleX => (double)Source.Width / OutputWidth;

    /// <summary>Raster pixels per output pixel along the row axis (≥ 1).</summary>
    public double ScaleY => (double)Source.Height / OutputHeight;

    /// <summary>The larger of <see cref="ScaleX"/> and <see cref="ScaleY"/>; they differ only by integer rounding.</summary>
    public double Scale => Math.Max(ScaleX, ScaleY);

    /// <summary>A window read at full resolution (scale 1), e.g. a grid tile.</summary>
    public static ScaledWindow Unscaled(PixelWindow source) => new(source, source.Width, source.Height);

    /// <summary>
    /// The window around a region of interest, such as a prompt's bounding box, that fits in
    /// <paramref name="targetSize"/> pixels: the region plus a margin, centred, read at the smallest scale
    /// (≥ 1, never upsampling) that fits. The window is <paramref name="targetSize"/> output pixels on each side
    /// unless the raster is smaller; near a raster edge it is shifted inward rather than cropped.
    /// </summary>
    /// <param name="rasterWidth">Raster width in pixels (&gt; 0).</param>
    /// <param name="rasterHeight">Raster height in pixels (&gt; 0).</param>
    /// <param name="minX">Region's left edge in raster pixel coordinates (corner origin).</param>
    /// <param name="minY">Region's top edge in raster pixel coordinates.</param>
    /// <param name="maxX">Region's right edge in raster pixel coordinates (≥ <paramref name="minX"/>).</param>
    /// <param name="maxY">Region's bottom edge in raster pixel coordinates (≥ <paramref name="minY"/>).</param>
    /// <param name="targetSize">Largest output width and height in pixels (&gt; 0).</param>
    /// <param name="marginFraction">Margin on each side as a fraction of the region's size along that axis (≥ 0).</param>
    /// <param name="minMarginInPixels">Smallest margin on each side in raster pixels (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size or margin is out of range.</exception>
    /// <exception cref="ArgumentException">When the region is not finite, inverted, or outside the raster.</exception>
    public static ScaledWindow AroundRegion(
        int rasterWidth, int rasterHeight, double minX, double minY, double maxX, double maxY,
        int targetSize = DefaultTargetSize, double marginFraction = 0.1, double minMarginInPixels = 16)
    {
        if (rasterWidth <= 0 || rasterHeight <= 0)
            throw new ArgumentOutOfRangeException(rasterWidth <= 0 ? nameof(rasterWidth) : nameof(rasterHeight),
                $"The raster size must be positive; got {rasterWidth} x {rasterHeight} pixels.");
        ArgumentOutOfRangeException.ThrowIfLessThan(targetSize, 1);
        if (!(marginFraction >= 0) || !double.IsFinite(marginFraction))
            throw new ArgumentOutOfRangeException(nameof(marginFraction), marginFraction, "The margin fraction must be a finite number ≥ 0.");
        if (!(minMarginInPixels >= 0) || !double.IsFinite(minMarginInPixels))
            throw new ArgumentOutOfRangeException(nameof(minMarginInPixels), minMarginInPixels, "The minimum margin must be a finite number of pixels ≥ 0.");
        if (!double.IsFinite(minX) || !double.IsFinite(minY) || !double.IsFinite(maxX) || !double.IsFinite(maxY)
            || minX > maxX || minY > maxY)
            throw new ArgumentException($"The region ({minX}, {minY}) - ({maxX}, {maxY}) is not a valid pixel box.", nameof(minX));
        if (maxX < 0 || maxY < 0 || minX > rasterWidth || minY > rasterHeight)
            throw new ArgumentException(
                $"The region ({minX}, {minY}) - ({maxX}, {maxY}) lies outside the {rasterWidth} x {rasterHeight} pixel raster.", nameof(minX));

        double width = maxX - minX, height = maxY - minY;
        double neededWidth = width + 2 * Math.Max(minMarginInPixels, marginFraction * width);
        double neededHeight = height + 2 * Math.Max(minMarginInPixels, marginFraction * height);
        double scale = Math.Max(1, Math.Max(neededWidth, neededHeight) / targetSize);
        // A square of targetSize output pixels, at least as large as the region plus margin.
        int side = (int)Math.Min(int.MaxValue, Math.Ceiling(targetSize * scale));

        var (col, sourceWidth, outputWidth) = Place((minX + maxX) / 2, side, rasterWidth, scale, targetSize);
        var (row, sourceHeight, outputHeight) = Place((minY + maxY) / 2, side, rasterHeight, scale, targetSize);
        return new ScaledWindow(new PixelWindow(col, row, sourceWidth, sourceHeight), outputWidth, outputHeight);
    }

    /// <summary>The geotransform of the output pixels, given the raster's geotransform.</summary>
    public GeoTransform GetGeoTransform(GeoTransform raster) => raster.ForWindow(Source.Col, Source.Row, ScaleX, ScaleY);

    /// <summary>Window pixel coordinates (corner origin, output pixels) to raster pixel coordinates.</summary>
    public (double Col, double Row) WindowToRaster(double col, double row) =>
        (Source.Col + col * ScaleX, Source.Row + row * ScaleY);

    /// <summary>Raster pixel coordinates (corner origin) to window pixel coordinates (output pixels).</summary>
    public (double Col, double Row) RasterToWindow(double col, double row) =>
        ((col - Source.Col) / ScaleX, (row - Source.Row) / ScaleY);

    /// <inheritdoc />
    public override string ToString() => $"{Source} -> {OutputWidth}x{OutputHeight}";

    /// <summary>One axis: a source run of up to <paramref name="side"/> pixels centred on <paramref name="centre"/>,
    /// shifted inside [0, length), and its output length at about <paramref name="scale"/>.</summary>
    private static (int Start, int SourceLength, int OutputLength) Place(
        double centre, int side, int length, double scale, int targetSize)
    {
        int sourceLength = Math.Min(side, length);
        double start = Math.Floor(centre - sourceLength / 2.0 + 0.5);
        int clamped = (int)Math.Clamp(start, 0, length - sourceLength);
        // sourceLength / scale >= 1 rounds to at most sourceLength, so the exact scale stays >= 1.
        int outputLength = (int)Math.Clamp(Math.Round(sourceLength / scale), 1, targetSize);
        return (clamped, sourceLength, outputLength);
    }
}
