using System.Buffers;

namespace Sam.Geo.Inference;

/// <summary>
/// Bilinear resize of 8-bit interleaved images that reproduces Pillow's <c>Image.resize(BILINEAR)</c>
/// (libImaging ImagingResample), which SAM uses: a triangle filter whose support widens by the scale factor
/// when shrinking (antialiasing), pixel centres at +0.5, a horizontal pass then a vertical pass, with
/// 22-bit fixed-point weights and rounding to uint8 after each pass.
/// </summary>
public static class PilBilinearResize
{
    private const int PrecisionBits = 32 - 8 - 2;

    /// <summary>Resizes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">Interleaved pixels, row-major, <paramref name="channels"/> bytes per pixel.</param>
    /// <param name="sourceWidth">Source width in pixels.</param>
    /// <param name="sourceHeight">Source height in pixels.</param>
    /// <param name="destination">Receives <c>destinationWidth*destinationHeight*channels</c> bytes.</param>
    /// <param name="destinationWidth">Target width in pixels.</param>
    /// <param name="destinationHeight">Target height in pixels.</param>
    /// <param name="channels">Bytes per pixel (3 for RGB).</param>
    public static void Resize(ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight,
        Span<byte> destination, int destinationWidth, int destinationHeight, int channels = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(destinationWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(destinationHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (source.Length < sourceWidth * sourceHeight * channels)
            throw new ArgumentException("source is smaller than width*height*channels", nameof(source));
        if (destination.Length < destinationWidth * destinationHeight * channels)
            throw new ArgumentException("destination is smaller than width*height*channels", nameof(destination));

        bool horizontal = destinationWidth != sourceWidth;
        bool vertical = destinationHeight != sourceHeight;
        int rowBytes = destinationWidth * channels;
        if (!horizontal && !vertical)
        {
            source[..(sourceWidth * sourceHeight * channels)].CopyTo(destination);
            return;
        }

        using var vert = Coefficients.Compute(sourceHeight, destinationHeight);
        int firstRow = vert.Bounds[0];
        int lastRow = vert.Bounds[(destinationHeight - 1) * 2] + vert.Bounds[(destinationHeight - 1) * 2 + 1];

        if (!horizontal)
        {
            Vertical(source, sourceWidth * channels, destination, destinationHeight, vert, 0);
            return;
        }

        using var horiz = Coefficients.Compute(sourceWidth, destinationWidth);
        if (!vertical)
        {
            Horizontal(source, sourceWidth, destination, destinationWidth, 0, sourceHeight, channels, horiz);
            return;
        }

        int tempLength = (lastRow - firstRow) * rowBytes;
        byte[] temp = ArrayPool<byte>.Shared.Rent(tempLength);
        try
        {
            Horizontal(source, sourceWidth, temp, destinationWidth, firstRow, lastRow - firstRow, channels, horiz);
            Vertical(temp, rowBytes, destination, destinationHeight, vert, firstRow);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(temp);
        }
    }

    private static void Horizontal(ReadOnlySpan<byte> src, int srcWidth, Span<byte> dst, int dstWidth,
        int firstRow, int rows, int channels, Coefficients c)
    {
        int srcRowBytes = srcWidth * channels;
        int dstRowBytes = dstWidth * channels;
        for (int y = 0; y < rows; y++)
        {
            var srcRow = src.Slice((y + firstRow) * srcRowBytes, srcRowBytes);
            var dstRow = dst.Slice(y * dstRowBytes, dstRowBytes);
            for (int xx = 0; xx < dstWidth; xx++)
            {
                int xmin = c.Bounds[xx * 2], count = c.Bounds[xx * 2 + 1];
                var k = c.Weights.AsSpan(xx * c.KernelSize, count);
                for (int ch = 0; ch < channels; ch++)
                {
                    int ss = 1 << (PrecisionBits - 1);
                    int offset = xmin * channels + ch;
                    for (int x = 0; x < k.Length; x++) ss += srcRow[offset + x * channels] * k[x];
                    dstRow[xx * channels + ch] = Clip8(ss);
                }
            }
        }
    }

    // rows of src start at row 'rowOffset' of the coefficient bounds (PIL shifts bounds by the first used row)
    private static void Vertical(ReadOnlySpan<byte> src, int rowBytes, Span<byte> dst, int dstHeight,
        Coefficients c, int rowOffset)
    {
        for (int yy = 0; yy < dstHeight; yy++)
        {
            int ymin = c.Bounds[yy * 2] - rowOffset, count = c.Bounds[yy * 2 + 1];
            var k = c.Weights.AsSpan(yy * c.KernelSize, count);
            var dstRow = dst.Slice(yy * rowBytes, rowBytes);
            for (int i = 0; i < rowBytes; i++)
            {
                int ss = 1 << (PrecisionBits - 1);
                for (int y = 0; y < k.Length; y++) ss += src[(ymin + y) * rowBytes + i] * k[y];
                dstRow[i] = Clip8(ss);
            }
        }
    }

    private static byte Clip8(int ss) => (byte)Math.Clamp(ss >> PrecisionBits, 0, 255);

    /// <summary>Per output pixel: first input index, tap count and fixed-point weights (PIL precompute_coeffs).</summary>
    private readonly struct Coefficients : IDisposable
    {
        public int[] Bounds { get; init; }
        public int[] Weights { get; init; }
        public int KernelSize { get; init; }

        public static Coefficients Compute(int inSize, int outSize)
        {
            double scale = (double)inSize / outSize;
            double filterScale = Math.Max(scale, 1.0);
            double support = 1.0 * filterScale; // bilinear support is 1
            int kernelSize = (int)Math.Ceiling(support) * 2 + 1;
            int[] bounds = ArrayPool<int>.Shared.Rent(outSize * 2);
            int[] weights = ArrayPool<int>.Shared.Rent(outSize * kernelSize);
            Span<double> k = kernelSize <= 256 ? stackalloc double[kernelSize] : new double[kernelSize];
            for (int xx = 0; xx < outSize; xx++)
            {
                double center = (xx + 0.5) * scale;
                double ss = 1.0 / filterScale;
                int xmin = Math.Max((int)(center - support + 0.5), 0);
                int xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
                double ww = 0.0;
                for (int x = 0; x < xmax; x++)
                {
                    double w = Triangle((x + xmin - center + 0.5) * ss);
                    k[x] = w;
                    ww += w;
                }
                for (int x = 0; x < xmax; x++)
                {
                    double v = ww != 0.0 ? k[x] / ww : k[x];
                    weights[xx * kernelSize + x] = v < 0
                        ? (int)(-0.5 + v * (1 << PrecisionBits))
                        : (int)(0.5 + v * (1 << PrecisionBits));
                }
                bounds[xx * 2] = xmin;
                bounds[xx * 2 + 1] = xmax;
            }
            return new Coefficients { Bounds = bounds, Weights = weights, KernelSize = kernelSize };
        }

        private static double Triangle(double x)
        {
            x = Math.Abs(x);
            return x < 1.0 ? 1.0 - x : 0.0;
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(Bounds);
            ArrayPool<int>.Shared.Return(Weights);
        }
    }
}
