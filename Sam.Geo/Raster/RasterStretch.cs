namespace Sam.Geo.Raster;

/// <summary>
/// The per-band linear mapping to 8 bits, fixed for a whole raster so every tile of it is stretched alike
/// (results never change with the extent). Values at or below Min map to 0, at or above Max to 255.
/// </summary>
public sealed class RasterStretch
{
    private readonly (double Min, double Max)[] _ranges;

    /// <summary>The selected bands the ranges belong to, in channel order.</summary>
    public BandSelection Bands { get; }

    /// <summary>True when values are copied unchanged (Byte data, no stretch).</summary>
    public bool IsPassThrough { get; }

    /// <summary>The (min,max) of each selected band, in <see cref="Bands"/> order.</summary>
    public IReadOnlyList<(double Min, double Max)> Ranges => _ranges;

    private RasterStretch(BandSelection bands, (double, double)[] ranges, bool passThrough)
    {
        Bands = bands;
        _ranges = ranges;
        IsPassThrough = passThrough;
    }

    /// <summary>
    /// Computes the stretch from a sample of the whole raster (read downscaled, nearest, to at most
    /// <see cref="StretchOptions.SampleSize"/> px on the long side, so GDAL uses overviews when present),
    /// ignoring invalid pixels.
    /// </summary>
    public static RasterStretch Compute(GeoRaster raster, BandSelection bands, StretchOptions options)
    {
        options.Validate();
        var mode = options.Mode;
        bool allByte = bands.Bands.All(b => raster.Bands[b - 1].DataType == RasterDataType.Byte);
        if (mode == StretchMode.Auto) mode = allByte ? StretchMode.None : StretchMode.Percentile;
        int n = bands.Bands.Count;
        if (mode == StretchMode.None)
            return new RasterStretch(bands, Enumerable.Repeat((0.0, 255.0), n).ToArray(), allByte);
        if (mode == StretchMode.Explicit)
        {
            if (options.Ranges.Count != 1 && options.Ranges.Count != n)
                throw new SamGeoInputException($"give one stretch range for all bands or one per band ({n}), not {options.Ranges.Count}");
            return new RasterStretch(bands, Enumerable.Range(0, n).Select(i => options.Ranges[options.Ranges.Count == 1 ? 0 : i]).ToArray(), false);
        }

        double f = Math.Max(1.0, Math.Max(raster.Width, raster.Height) / (double)options.SampleSize);
        int sw = Math.Max(1, (int)Math.Round(raster.Width / f)), sh = Math.Max(1, (int)Math.Round(raster.Height / f));
        var valid = new byte[sw * sh];
        raster.ReadValidMask(bands.AsSpan(), raster.FullWindow, valid, sw, sh);
        var values = new double[sw * sh];
        var picked = new double[sw * sh];
        var ranges = new (double, double)[n];
        for (int i = 0; i < n; i++)
        {
            raster.Read<double>(bands.Bands[i], raster.FullWindow, values, sw, sh);
            int count = 0;
            for (int k = 0; k < values.Length; k++)
                if (valid[k] != 0 && double.IsFinite(values[k])) picked[count++] = values[k];
            ranges[i] = count == 0 ? (0, 255) : RangeOf(picked.AsSpan(0, count), mode, options);
        }
        return new RasterStretch(bands, ranges, false);
    }

    private static (double, double) RangeOf(Span<double> values, StretchMode mode, StretchOptions options)
    {
        values.Sort();
        if (mode == StretchMode.MinMax) return (values[0], values[^1]);
        return (Percentile(values, options.LowPercent), Percentile(values, options.HighPercent));
    }

    /// <summary>Linear-interpolated percentile of sorted values (numpy's default method).</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double percent)
    {
        double pos = percent / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Maps one value of channel <paramref name="channel"/> to 0-255 (rounded, clamped).</summary>
    public byte Apply(int channel, double value)
    {
        var (min, max) = _ranges[Bands.Bands.Count == 1 ? 0 : channel];
        if (!double.IsFinite(value) || value <= min) return 0;
        if (value >= max) return 255;
        return (byte)Math.Round((value - min) * 255.0 / (max - min), MidpointRounding.AwayFromZero);
    }

    /// <summary>A stretch built from known ranges (for tests and cached entries).</summary>
    public static RasterStretch FromRanges(BandSelection bands, IReadOnlyList<(double Min, double Max)> ranges, bool passThrough = false) =>
        new(bands, ranges.ToArray(), passThrough);

    /// <summary>Stable text form ("min:max;..."), part of the embedding cache key.</summary>
    public string Describe() => IsPassThrough ? "passthrough"
        : string.Join(';', _ranges.Select(r => FormattableString.Invariant($"{r.Min:R}:{r.Max:R}")));
}
