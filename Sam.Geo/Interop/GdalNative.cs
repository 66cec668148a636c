using System.Runtime.InteropServices;

namespace Sam.Geo.Interop;

/// <summary>
/// All native GDAL entry points, split over partial files by API family (core, raster, OSR, OGR). Every
/// pointer stays internal: public types wrap them in <see cref="SafeHandle"/> subclasses.
/// </summary>
internal static partial class GdalNative
{
    static GdalNative()
    {
        GdalLibrary.EnsureResolver();
        GDALAllRegister();
        // Keep GDAL quiet on stderr; failures come back through GdalError with CPLGetLastErrorMsg.
        if (NativeLibrary.TryGetExport(GdalLibrary.LoadedHandle, "CPLQuietErrorHandler", out var quiet))
            CPLSetErrorHandler(quiet);
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        // GDAL's block cache defaults to 5% of RAM and keeps every block read until then; tiles are read once,
        // so a small cache keeps memory flat whatever the raster size. A user's own setting wins.
        if (Environment.GetEnvironmentVariable("GDAL_CACHEMAX") is null) CPLSetConfigOption("GDAL_CACHEMAX", "64");
    }

    /// <summary>Forces the static initialisation (library load, driver registration).</summary>
    internal static void Initialize() { }

    // ---- core -------------------------------------------------------------------------------------
    [LibraryImport(GdalLibrary.Name)] internal static partial void GDALAllRegister();
    [LibraryImport(GdalLibrary.Name)] internal static partial nint CPLSetErrorHandler(nint handler);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint CPLGetLastErrorMsg();
    [LibraryImport(GdalLibrary.Name)] internal static partial int CPLGetLastErrorNo();
    [LibraryImport(GdalLibrary.Name)] internal static partial void CPLErrorReset();
    [LibraryImport(GdalLibrary.Name)] internal static partial void VSIFree(nint p);
    [LibraryImport(GdalLibrary.Name)]
    internal static partial void CPLSetConfigOption([MarshalAs(UnmanagedType.LPUTF8Str)] string key, [MarshalAs(UnmanagedType.LPUTF8Str)] string? value);

    // ---- datasets ---------------------------------------------------------------------------------
    internal const uint GDAL_OF_READONLY = 0x00, GDAL_OF_UPDATE = 0x01, GDAL_OF_RASTER = 0x02,
        GDAL_OF_VECTOR = 0x04, GDAL_OF_VERBOSE_ERROR = 0x40;

    [LibraryImport(GdalLibrary.Name)]
    internal static partial nint GDALOpenEx([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint flags, nint allowedDrivers, nint openOptions, nint siblingFiles);
    // Returns CPLErr from GDAL 3.7 on, void before: never read its result, see GdalError.CloseChecked.
    [LibraryImport(GdalLibrary.Name)] internal static partial void GDALClose(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetDatasetDriver(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetDriverShortName(nint driver);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetDriverByName([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
    [LibraryImport(GdalLibrary.Name)]
    internal static partial nint GDALCreate(nint driver, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int xSize, int ySize, int bands, int dataType, nint options);
    [LibraryImport(GdalLibrary.Name)]
    internal static partial nint GDALCreateCopy(nint driver, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, nint src, int strict, nint options, nint progress, nint progressArg);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALFlushCache(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetMetadataItem(nint obj, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string? domain);
    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALSetMetadataItem(nint obj, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string? value, [MarshalAs(UnmanagedType.LPUTF8Str)] string? domain);
}
