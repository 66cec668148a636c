using Sam.Geo.Interop;

namespace Sam.Geo.Raster;

/// <summary>GDAL's colour interpretation of a band (GDALColorInterp values).</summary>
public enum ColorInterpretation
{
    /// <summary>No particular meaning (e.g. a near-infrared band).</summary>
    Undefined = 0,
    /// <summary>Greyscale.</summary>
    Gray = 1,
    /// <summary>Index into a colour table.</summary>
    Palette = 2,
    /// <summary>Red.</summary>
    Red = 3,
    /// <summary>Green.</summary>
    Green = 4,
    /// <summary>Blue.</summary>
    Blue = 5,
    /// <summary>Alpha (transparency).</summary>
    Alpha = 6,
}

public sealed partial class GeoRaster
{
    /// <summary>
    /// Sets the colour interpretation of a 1-based band. <see cref="Bands"/> keeps what was read at open;
    /// reopen the raster to see the new value there.
    /// </summary>
    /// <exception cref="SamGeoInputException">The band does not exist.</exception>
    public void SetColorInterpretation(int band, ColorInterpretation interpretation)
    {
        RequireBand(band);
        GdalError.Check(GdalNative.GDALSetRasterColorInterpretation(BandPointer(band), (int)interpretation),
            $"setting the colour interpretation of band {band} of {Path}");
    }
}
