namespace Sam.Geo.Raster;

/// <summary>What a raster band holds. <see cref="Index"/> is 1-based, as in GDAL.</summary>
public sealed record RasterBandInfo(
    int Index,
    RasterDataType DataType,
    string DataTypeName,
    double? NoData,
    string ColorInterpretation,
    int OverviewCount,
    bool HasValidityMask);

/// <summary>GDAL's resampling for reads at a size other than the window's (GDALRIOResampleAlg).</summary>
public enum Resampling
{
    /// <summary>Nearest neighbour.</summary>
    Nearest = 0,
    /// <summary>Bilinear.</summary>
    Bilinear = 1,
    /// <summary>Cubic convolution.</summary>
    Cubic = 2,
    /// <summary>Average of the covered pixels (the right choice when shrinking imagery).</summary>
    Average = 5,
    /// <summary>Most frequent value (for class rasters).</summary>
    Mode = 6,
}
