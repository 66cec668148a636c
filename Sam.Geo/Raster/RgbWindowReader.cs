namespace Sam.Geo.Raster;

/// <summary>
/// Reads windows of a raster as 8-bit RGB (interleaved R,G,B rows, the layout SAM's preprocessing takes)
/// with a valid-data mask, through one <see cref="RasterStretch"/> fixed for the raster. Downscaled reads
/// use GDAL's average resampling (and overviews). Invalid pixels are black. Not thread-safe.
/// </summary>
public sealed class RgbWindowReader
{
    private readonly GeoRaster _raster;
    private double[] _values = [];
    private byte[] _bytes = [];

    /// <summary>The stretch applied to every window.</summary>
    public RasterStretch Stretch { get; }

    /// <summary>Creates a reader over a raster the caller keeps open (and disposes).</summary>
    public RgbWindowReader(GeoRaster raster, RasterStretch stretch)
    {
        _raster = raster;
        Stretch = stretch;
    }

    /// <summary>
    /// Reads <paramref name="window"/> at <paramref name="outWidth"/>×<paramref name="outHeight"/> into
    /// <paramref name="rgb"/> (3 bytes a pixel) and <paramref name="valid"/> (1 valid, 0 nodata). Returns the
    /// number of valid pixels.
    /// </summary>
    public int Read(PixelWindow window, int outWidth, int outHeight, Span<byte> rgb, Span<byte> valid)
    {
        int n = outWidth * outHeight;
        if (rgb.Length < 3 * n || valid.Length < n) throw new ArgumentException("rgb or valid buffer too small.");
        var resampling = outWidth < window.Width || outHeight < window.Height ? Resampling.Average : Resampling.Nearest;
        var bands = Stretch.Bands;
        _raster.ReadValidMask(bands.AsSpan(), window, valid, outWidth, outHeight);
        int channels = bands.Bands.Count == 1 ? 1 : 3;
        for (int c = 0; c < channels; c++)
        {
            int band = bands.Bands[c];
            if (Stretch.IsPassThrough)
            {
                if (_bytes.Length < n) _bytes = new byte[n];
                _raster.Read<byte>(band, window, _bytes, outWidth, outHeight, resampling);
                for (int i = 0; i < n; i++) rgb[3 * i + c] = _bytes[i];
            }
            else
            {
                if (_values.Length < n) _values = new double[n];
                _raster.Read<double>(band, window, _values, outWidth, outHeight, resampling);
                for (int i = 0; i < n; i++) rgb[3 * i + c] = Stretch.Apply(c, _values[i]);
            }
        }
        if (channels == 1)
            for (int i = 0; i < n; i++) rgb[3 * i + 1] = rgb[3 * i + 2] = rgb[3 * i];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (valid[i] != 0) count++;
            else rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = 0;
        }
        return count;
    }
}
