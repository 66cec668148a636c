using System.Runtime.InteropServices;

namespace Sam.Geo.Interop;

internal static partial class GdalNative
{
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALGetRasterXSize(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALGetRasterYSize(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALGetRasterCount(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetRasterBand(nint ds, int band);
    [LibraryImport(GdalLibrary.Name)] internal static unsafe partial int GDALGetGeoTransform(nint ds, double* gt);
    [LibraryImport(GdalLibrary.Name)] internal static unsafe partial int GDALSetGeoTransform(nint ds, double* gt);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetSpatialRef(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALSetSpatialRef(nint ds, nint srs);

    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALGetRasterDataType(nint band);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetDataTypeName(int type);
    [LibraryImport(GdalLibrary.Name)] internal static partial double GDALGetRasterNoDataValue(nint band, out int hasNoData);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALSetRasterNoDataValue(nint band, double value);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALGetRasterColorInterpretation(nint band);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALSetRasterColorInterpretation(nint band, int interp);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetColorInterpretationName(int interp);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALGetMaskFlags(nint band);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALGetMaskBand(nint band);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALGetOverviewCount(nint band);
    [LibraryImport(GdalLibrary.Name)] internal static partial void GDALGetBlockSize(nint band, out int x, out int y);

    internal const int GF_Read = 0, GF_Write = 1;
    internal const int GMF_ALL_VALID = 0x01;

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial int GDALRasterIOEx(nint band, int rwFlag, int xOff, int yOff, int xSize, int ySize,
        void* data, int bufXSize, int bufYSize, int bufType, long pixelSpace, long lineSpace, RasterIOExtraArg* extra);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial int GDALDatasetRasterIOEx(nint ds, int rwFlag, int xOff, int yOff, int xSize, int ySize,
        void* data, int bufXSize, int bufYSize, int bufType, int bandCount, int* bandMap,
        long pixelSpace, long lineSpace, long bandSpace, RasterIOExtraArg* extra);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALBuildOverviews(nint ds, [MarshalAs(UnmanagedType.LPUTF8Str)] string resampling, int overviewCount,
        [In] int[] overviewList, int bandCount, nint bandList, nint progress, nint progressArg);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALPolygonize(nint srcBand, nint maskBand, nint layer, int pixValField, nint options, nint progress, nint progressArg);

    /// <summary>GDALRasterIOExtraArg (version 1).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct RasterIOExtraArg
    {
        public int Version;
        public int ResampleAlg;
        public nint Progress;
        public nint ProgressData;
        public int FloatingPointWindowValidity;
        public double XOff, YOff, XSize, YSize;

        public static RasterIOExtraArg Create(int resampleAlg) => new() { Version = 1, ResampleAlg = resampleAlg };
    }
}
