using System.Buffers;

namespace Sam.Geo.Vectorization;

/// <summary>
/// Connected-component labels of a raster, stored with a one-pixel border of zeros so that neighbour lookups
/// need no bounds checks. Component ids run 1..<see cref="Count"/> in the order of their first pixel in
/// row-major scan order; 0 is "not foreground". Owns a pooled buffer: dispose it.
/// </summary>
internal sealed class ComponentLabels : IDisposable
{
    private int[]? _padded;

    internal ComponentLabels(int[] padded, int width, int height, int count, int[] firstPixel, int[] sizes)
    {
        _padded = padded;
        Width = width;
        Height = height;
        Count = count;
        FirstPixel = firstPixel;
        Sizes = sizes;
    }

    /// <summary>Mask width in pixels.</summary>
    public int Width { get; }

    /// <summary>Mask height in pixels.</summary>
    public int Height { get; }

    /// <summary>Row length of the padded label buffer.</summary>
    public int Stride => Width + 2;

    /// <summary>Number of components.</summary>
    public int Count { get; }

    /// <summary>Row-major index (unpadded) of each component's first pixel; entry 0 unused.</summary>
    public int[] FirstPixel { get; }

    /// <summary>Pixel count of each component; entry 0 unused.</summary>
    public int[] Sizes { get; }

    /// <summary>The padded labels: pixel (col,row) is at <see cref="IndexOf"/>(col,row).</summary>
    public ReadOnlySpan<int> Padded => _padded.AsSpan(0, Stride * (Height + 2));

    /// <summary>Index of pixel (col,row) in <see cref="Padded"/>; -1 and width/height are valid border positions.</summary>
    public int IndexOf(int col, int row) => (row + 1) * Stride + col + 1;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_padded is { } buffer)
        {
            _padded = null;
            ArrayPool<int>.Shared.Return(buffer);
        }
    }
}
