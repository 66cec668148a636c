using System.Runtime.InteropServices;
using Sam.Geo.Interop;

namespace Sam.Geo.Raster;

/// <summary>
/// A raster opened through GDAL (GeoTIFF, COG, VRT, JPEG 2000... whatever the installed drivers read).
/// Not thread-safe: use one instance per thread. Dispose it to close the file (and flush writes).
/// </summary>
public sealed partial class GeoRaster : IDisposable
{
    private readonly DatasetHandle _ds;
    private readonly nint[] _bands;
    private SpatialReference? _crs;

    private GeoRaster(DatasetHandle ds, string path)
    {
        _ds = ds;
        Path = path;
        nint h = ds.DangerousGetHandle();
        Width = GdalNative.GDALGetRasterXSize(h);
        Height = GdalNative.GDALGetRasterYSize(h);
        _bands = new nint[GdalNative.GDALGetRasterCount(h)];
        for (int i = 0; i < _bands.Length; i++) _bands[i] = GdalNative.GDALGetRasterBand(h, i + 1);
        DriverName = Marshal.PtrToStringUTF8(GdalNative.GDALGetDriverShortName(GdalNative.GDALGetDatasetDriver(h))) ?? "";
        unsafe
        {
            double* gt = stackalloc double[6];
            HasGeoTransform = GdalNative.GDALGetGeoTransform(h, gt) == GdalError.CE_None;
            GeoTransform = HasGeoTransform ? GeoTransform.FromArray(new ReadOnlySpan<double>(gt, 6)) : GeoTransform.Identity;
        }
        _crs = SpatialReference.CloneFrom(GdalNative.GDALGetSpatialRef(h));
        Bands = Enumerable.Range(1, _bands.Length).Select(ReadBandInfo).ToArray();
    }

    /// <summary>Opens a raster for reading (or update).</summary>
    /// <exception cref="SamGeoInputException">The file is missing or is not a raster GDAL can read.</exception>
    public static GeoRaster Open(string path, bool update = false)
    {
        GdalNative.Initialize();
        bool isVsi = path.StartsWith("/vsi", StringComparison.Ordinal);
        if (!isVsi && !File.Exists(path) && !Directory.Exists(path))
            throw new SamGeoInputException($"raster not found: {path}");
        GdalError.Reset();
        uint flags = GdalNative.GDAL_OF_RASTER | (update ? GdalNative.GDAL_OF_UPDATE : GdalNative.GDAL_OF_READONLY);
        nint h = GdalNative.GDALOpenEx(path, flags, 0, 0, 0);
        if (h == 0)
        {
            GdalError.Reset();
            throw new SamGeoInputException($"not a raster GDAL can read: {path}");
        }
        var ds = new DatasetHandle(h);
        if (GdalNative.GDALGetRasterCount(h) == 0)
        {
            ds.Dispose();
            throw new SamGeoInputException($"not a raster GDAL can read (no bands): {path}");
        }
        return new GeoRaster(ds, path);
    }

    /// <summary>
    /// Creates a new raster (GeoTIFF by default) with the given georeference. The caller disposes it,
    /// which writes it out. A null <paramref name="geoTransform"/> leaves the raster without georeference.
    /// </summary>
    public static GeoRaster Create(string path, int width, int height, int bandCount, RasterDataType type,
        GeoTransform? geoTransform, SpatialReference? crs, IEnumerable<string>? creationOptions = null, string driver = "GTiff")
    {
        GdalNative.Initialize();
        nint drv = GdalError.CheckHandle(GdalNative.GDALGetDriverByName(driver), $"GDAL driver {driver}");
        using var options = new CStringList(creationOptions);
        GdalError.Reset();
        nint h = GdalError.CheckHandle(GdalNative.GDALCreate(drv, path, width, height, bandCount, (int)type, options.Pointer), $"creating {path}");
        var ds = new DatasetHandle(h);
        try
        {
            if (geoTransform is GeoTransform transform) unsafe
            {
                fixed (double* gt = transform.ToArray())
                    GdalError.Check(GdalNative.GDALSetGeoTransform(h, gt), $"setting the geotransform of {path}");
            }
            if (crs is not null) GdalError.Check(GdalNative.GDALSetSpatialRef(h, crs.Handle.DangerousGetHandle()), $"setting the CRS of {path}");
        }
        catch
        {
            ds.Dispose();
            throw;
        }
        return new GeoRaster(ds, path);
    }

    internal nint DatasetPointer => _ds.DangerousGetHandle();

    internal nint BandPointer(int band) => _bands[band - 1];

    /// <summary>The path the raster was opened from.</summary>
    public string Path { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of bands.</summary>
    public int BandCount => _bands.Length;

    /// <summary>GDAL driver short name, e.g. "GTiff", "VRT".</summary>
    public string DriverName { get; }

    /// <summary>The pixel→map transform (identity when <see cref="HasGeoTransform"/> is false).</summary>
    public GeoTransform GeoTransform { get; private set; }

    /// <summary>True when the file carries a geotransform.</summary>
    public bool HasGeoTransform { get; }

    /// <summary>The raster's CRS, or null when it has none. Owned by this raster.</summary>
    public SpatialReference? Crs => _crs;

    /// <summary>The bands, in order (index 1 first).</summary>
    public IReadOnlyList<RasterBandInfo> Bands { get; }

    /// <summary>The whole raster as a window.</summary>
    public PixelWindow FullWindow => new(0, 0, Width, Height);

    /// <summary>
    /// Checks that the raster is georeferenced. <paramref name="assumeCrs"/> supplies a CRS for a raster that
    /// has a geotransform but no CRS (it never overrides one the file has).
    /// </summary>
    /// <exception cref="SamGeoInputException">No geotransform, or no CRS and none assumed.</exception>
    public void RequireGeoreference(string? assumeCrs = null)
    {
        if (!HasGeoTransform || GeoTransform.Determinant == 0)
            throw new SamGeoInputException($"raster has no georeference (no geotransform): {Path}");
        if (_crs is null)
        {
            if (string.IsNullOrWhiteSpace(assumeCrs))
                throw new SamGeoInputException($"raster has no CRS: {Path} (use --assume-crs EPSG:n if you know it)");
            _crs = SpatialReference.Parse(assumeCrs);
        }
    }

    /// <summary>Checks a 1-based band number.</summary>
    /// <exception cref="SamGeoInputException">The band does not exist.</exception>
    public void RequireBand(int band)
    {
        if (band < 1 || band > BandCount)
            throw new SamGeoInputException($"band {band} does not exist: {System.IO.Path.GetFileName(Path)} has {BandCount} band{(BandCount == 1 ? "" : "s")}");
    }

    private RasterBandInfo ReadBandInfo(int index)
    {
        nint b = _bands[index - 1];
        int type = GdalNative.GDALGetRasterDataType(b);
        double nd = GdalNative.GDALGetRasterNoDataValue(b, out int hasNd);
        int flags = GdalNative.GDALGetMaskFlags(b);
        return new RasterBandInfo(index,
            Enum.IsDefined(typeof(RasterDataType), type) ? (RasterDataType)type : RasterDataType.Unknown,
            Marshal.PtrToStringUTF8(GdalNative.GDALGetDataTypeName(type)) ?? "Unknown",
            hasNd != 0 ? nd : null,
            Marshal.PtrToStringUTF8(GdalNative.GDALGetColorInterpretationName(GdalNative.GDALGetRasterColorInterpretation(b))) ?? "Undefined",
            GdalNative.GDALGetOverviewCount(b),
            (flags & GdalNative.GMF_ALL_VALID) == 0);
    }

    /// <summary>A metadata item of the dataset, or null.</summary>
    public string? GetMetadataItem(string name, string? domain = null) =>
        Marshal.PtrToStringUTF8(GdalNative.GDALGetMetadataItem(DatasetPointer, name, domain));

    /// <summary>Sets a metadata item of the dataset.</summary>
    public void SetMetadataItem(string name, string value, string? domain = null) =>
        GdalError.Check(GdalNative.GDALSetMetadataItem(DatasetPointer, name, value, domain), $"setting metadata {name} on {Path}");

    /// <summary>Sets a band's nodata value.</summary>
    public void SetNoData(int band, double value) =>
        GdalError.Check(GdalNative.GDALSetRasterNoDataValue(BandPointer(band), value), $"setting nodata on band {band} of {Path}");

    /// <summary>Flushes pending writes to disk.</summary>
    public void Flush() => GdalNative.GDALFlushCache(DatasetPointer);

    /// <summary>
    /// Closes the raster, writing out pending blocks, and throws when GDAL reports a failure doing so (a full
    /// disk, say). Use it rather than Dispose when the file was written. Disposing afterwards is harmless.
    /// </summary>
    public void Close()
    {
        _crs?.Dispose();
        GdalError.CloseChecked(_ds, Path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _crs?.Dispose();
        _ds.Dispose();
    }
}
