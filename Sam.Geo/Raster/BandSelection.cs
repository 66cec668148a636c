using System.Globalization;

namespace Sam.Geo.Raster;

/// <summary>
/// Which raster bands (1-based, any order) become the R, G and B channels. One band is grey, replicated
/// to all three channels; <c>4,3,2</c> gives false colour on a B,G,R,NIR raster.
/// </summary>
public sealed record BandSelection
{
    /// <summary>The band numbers, 1 or 3 of them, in R,G,B order.</summary>
    public IReadOnlyList<int> Bands => _bands;

    private readonly int[] _bands;

    private BandSelection(int[] bands) => _bands = bands;

    /// <summary>The band numbers as a span, for <see cref="GeoRaster.ReadValidMask"/> without a copy per read.</summary>
    internal ReadOnlySpan<int> AsSpan() => _bands;

    /// <summary>The band feeding output channel <paramref name="channel"/> (0=R, 1=G, 2=B).</summary>
    public int BandForChannel(int channel) => Bands.Count == 1 ? Bands[0] : Bands[channel];

    /// <summary>"1,2,3"-style text.</summary>
    public override string ToString() => string.Join(',', Bands);

    /// <summary>Explicit bands; validated against the raster.</summary>
    /// <exception cref="SamGeoInputException">Not 1 or 3 bands, or a band the raster lacks.</exception>
    public static BandSelection Of(GeoRaster raster, params int[] bands)
    {
        if (bands.Length is not (1 or 3))
            throw new SamGeoInputException($"--bands takes 1 band (grey) or 3 bands (R,G,B), not {bands.Length}: {string.Join(',', bands)}");
        foreach (int b in bands) raster.RequireBand(b);
        return new BandSelection(bands.ToArray());
    }

    /// <summary>Parses "a,b,c" (or "a"), validated against the raster; null or empty gives the default.</summary>
    public static BandSelection Parse(GeoRaster raster, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Default(raster);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var bands = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out bands[i]))
                throw new SamGeoInputException($"--bands: '{parts[i]}' is not a band number (expected e.g. 3,2,1)");
        }
        return Of(raster, bands);
    }

    /// <summary>
    /// The bands a user expects: those labelled Red, Green, Blue when present, else bands 1,2,3 of a
    /// 3+-band raster, else band 1 as grey.
    /// </summary>
    public static BandSelection Default(GeoRaster raster)
    {
        int Find(string interp) => raster.Bands.FirstOrDefault(b => b.ColorInterpretation == interp)?.Index ?? 0;
        int r = Find("Red"), g = Find("Green"), b = Find("Blue");
        if (r > 0 && g > 0 && b > 0) return new BandSelection([r, g, b]);
        return raster.BandCount >= 3 && raster.Bands[2].ColorInterpretation != "Alpha"
            ? new BandSelection([1, 2, 3])
            : new BandSelection([1]);
    }
}
