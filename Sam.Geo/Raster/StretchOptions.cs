namespace Sam.Geo.Raster;

/// <summary>How raster values become 8-bit channels.</summary>
public enum StretchMode
{
    /// <summary>Byte data passes through unchanged; other types get the percentile stretch.</summary>
    Auto,
    /// <summary>Linear between the low and high percentiles of each band.</summary>
    Percentile,
    /// <summary>Linear between each band's minimum and maximum.</summary>
    MinMax,
    /// <summary>Linear between ranges the user gives, one per selected band.</summary>
    Explicit,
    /// <summary>Values are clamped to 0-255 without scaling.</summary>
    None,
}

/// <summary>
/// Stretch settings; computed once per raster (never per tile) by <see cref="RasterStretch.Compute"/>.
/// </summary>
public sealed record StretchOptions
{
    /// <summary>The mode.</summary>
    public StretchMode Mode { get; init; } = StretchMode.Auto;

    /// <summary>Low percentile (0-100) for <see cref="StretchMode.Percentile"/>.</summary>
    public double LowPercent { get; init; } = 2;

    /// <summary>High percentile (0-100) for <see cref="StretchMode.Percentile"/>.</summary>
    public double HighPercent { get; init; } = 98;

    /// <summary>Ranges for <see cref="StretchMode.Explicit"/>: one (min,max) for all bands, or one per selected band.</summary>
    public IReadOnlyList<(double Min, double Max)> Ranges { get; init; } = [];

    /// <summary>Long side, in pixels, of the whole-raster sample the statistics come from.</summary>
    public int SampleSize { get; init; } = 1024;

    /// <summary>Default settings.</summary>
    public static StretchOptions Default { get; } = new();

    /// <summary>Checks the settings.</summary>
    /// <exception cref="SamGeoInputException">Percentiles out of order or explicit ranges missing or empty.</exception>
    public void Validate()
    {
        if (LowPercent < 0 || HighPercent > 100 || LowPercent >= HighPercent)
            throw new SamGeoInputException($"stretch percentiles must satisfy 0 <= low < high <= 100 (got {LowPercent}, {HighPercent})");
        if (Mode == StretchMode.Explicit && Ranges.Count == 0)
            throw new SamGeoInputException("an explicit stretch needs ranges, e.g. --stretch-range 0,3000");
        foreach (var (min, max) in Ranges)
            if (!(max > min)) throw new SamGeoInputException($"stretch range {min},{max} is empty: max must exceed min");
    }
}
