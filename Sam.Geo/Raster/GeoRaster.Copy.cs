using Sam.Geo.Interop;

namespace Sam.Geo.Raster;

public sealed partial class GeoRaster
{
    /// <summary>
    /// An in-memory raster (GDAL's MEM driver), e.g. to assemble an image before <see cref="SaveAs"/>.
    /// </summary>
    public static GeoRaster CreateInMemory(int width, int height, int bandCount, RasterDataType type,
        GeoTransform? geoTransform = null, SpatialReference? crs = null) =>
        Create("", width, height, bandCount, type, geoTransform, crs, null, "MEM");

    /// <summary>
    /// Writes a copy of this raster with another driver (e.g. "PNG", "COG", "GTiff"). The copy is closed
    /// when this returns.
    /// </summary>
    public void SaveAs(string path, string driver, IEnumerable<string>? creationOptions = null)
    {
        nint drv = GdalError.CheckHandle(GdalNative.GDALGetDriverByName(driver), $"GDAL driver {driver}");
        using var options = new CStringList(creationOptions);
        GdalError.Reset();
        var copy = new DatasetHandle(GdalError.CheckHandle(GdalNative.GDALCreateCopy(drv, path, DatasetPointer, 0, options.Pointer, 0, 0), $"writing {path}"));
        GdalError.CloseChecked(copy, path);
    }
}
