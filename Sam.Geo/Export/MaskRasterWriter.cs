using Sam.Geo.Interop;
using Sam.Geo.Raster;

namespace Sam.Geo.Export;

/// <summary>
/// Writes a one-band mask GeoTIFF on an input raster's grid (same size, geotransform and CRS), window by
/// window: Byte (0/255, or small object ids), UInt16 or UInt32 (instance ids). Tiled 256×256, DEFLATE
/// compressed, nodata 0. Only the windows in flight are in memory; pixels never written read as 0.
/// Atomic: the file appears at its path on <see cref="Commit"/>; disposing without it deletes everything.
/// </summary>
/// <remarks>
/// Write in tile-aligned windows (multiples of <see cref="BlockSize"/>) where you can: a window that cuts a
/// tile which was already flushed makes GDAL recompress it, which is correct but grows the file. Not thread-safe.
/// </remarks>
public sealed class MaskRasterWriter : IDisposable
{
    /// <summary>Tile width and height in pixels.</summary>
    public const int BlockSize = 256;

    private readonly AtomicOutput _output;
    private GeoRaster? _raster;

    private MaskRasterWriter(AtomicOutput output, GeoRaster raster, RasterDataType dataType)
    {
        _output = output;
        _raster = raster;
        DataType = dataType;
        Width = raster.Width;
        Height = raster.Height;
    }

    /// <summary>Creates a mask on the grid of <paramref name="grid"/> (size, geotransform, CRS; the raster is only read).</summary>
    /// <exception cref="SamGeoInputException">Not a .tif/.tiff path, missing folder, or existing output without <paramref name="overwrite"/>.</exception>
    public static MaskRasterWriter Create(string path, GeoRaster grid, RasterDataType dataType = RasterDataType.Byte, bool overwrite = false) =>
        Create(path, grid.Width, grid.Height, grid.HasGeoTransform ? grid.GeoTransform : null, grid.Crs, dataType, overwrite);

    /// <summary>Creates a mask of <paramref name="width"/>×<paramref name="height"/> pixels with the given georeference.</summary>
    /// <param name="path">Output .tif/.tiff.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="geoTransform">Pixel-corner to map transform; null for none.</param>
    /// <param name="crs">The CRS (borrowed), or null for none.</param>
    /// <param name="dataType">Byte, UInt16 or UInt32.</param>
    /// <param name="overwrite">Replace an existing file on commit.</param>
    /// <exception cref="SamGeoInputException">Not a .tif/.tiff path, missing folder, or existing output without <paramref name="overwrite"/>.</exception>
    public static MaskRasterWriter Create(string path, int width, int height, GeoTransform? geoTransform, SpatialReference? crs,
        RasterDataType dataType = RasterDataType.Byte, bool overwrite = false)
    {
        if (dataType is not (RasterDataType.Byte or RasterDataType.UInt16 or RasterDataType.UInt32))
            throw new ArgumentException($"a mask is Byte, UInt16 or UInt32, not {dataType}", nameof(dataType));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var output = AtomicOutput.Begin(path, overwrite, OutputFormat.GeoTiff);
        try
        {
            string[] options = ["TILED=YES", $"BLOCKXSIZE={BlockSize}", $"BLOCKYSIZE={BlockSize}", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"];
            var raster = GeoRaster.Create(output.TemporaryPath, width, height, 1, dataType, geoTransform, crs, options);
            raster.SetNoData(1, 0);
            return new MaskRasterWriter(output, raster, dataType);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>The final output path (absolute).</summary>
    public string Path => _output.TargetPath;

    /// <summary>The pixel type of the band.</summary>
    public RasterDataType DataType { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>
    /// Writes <paramref name="values"/> (row-major, window-sized) into <paramref name="window"/>; the element type
    /// must match <see cref="DataType"/> (byte, ushort, uint) so that ids are never clipped.
    /// </summary>
    public void Write<T>(PixelWindow window, ReadOnlySpan<T> values) where T : unmanaged
    {
        var raster = _raster ?? throw new ObjectDisposedException(nameof(MaskRasterWriter));
        if (RasterDataTypes.Of<T>() != DataType)
            throw new ArgumentException($"the mask is {DataType}; got {typeof(T).Name} values");
        raster.Write(1, window, values);
    }

    /// <summary>Flushes and closes the GeoTIFF and renames it into place.</summary>
    public void Commit()
    {
        var raster = _raster ?? throw new ObjectDisposedException(nameof(MaskRasterWriter));
        _raster = null;
        raster.Close();
        _output.Commit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _raster?.Dispose();
        _raster = null;
        _output.Dispose();
    }
}
