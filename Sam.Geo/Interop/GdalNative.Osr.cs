using System.Runtime.InteropServices;

namespace Sam.Geo.Interop;

internal static partial class GdalNative
{
    internal const int OAMS_TRADITIONAL_GIS_ORDER = 0;

    [LibraryImport(GdalLibrary.Name)] internal static partial nint OSRNewSpatialReference([MarshalAs(UnmanagedType.LPUTF8Str)] string? wkt);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OSRDestroySpatialReference(nint srs);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OSRClone(nint srs);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OSRSetFromUserInput(nint srs, [MarshalAs(UnmanagedType.LPUTF8Str)] string definition);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OSRExportToWkt(nint srs, out nint wkt);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OSRExportToProj4(nint srs, out nint proj4);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OSRGetAuthorityCode(nint srs, [MarshalAs(UnmanagedType.LPUTF8Str)] string? targetKey);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OSRGetAuthorityName(nint srs, [MarshalAs(UnmanagedType.LPUTF8Str)] string? targetKey);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OSRAutoIdentifyEPSG(nint srs);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OSRGetName(nint srs);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OSRIsGeographic(nint srs);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OSRIsProjected(nint srs);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OSRIsSame(nint a, nint b);
    [LibraryImport(GdalLibrary.Name)] internal static partial double OSRGetLinearUnits(nint srs, out nint name);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OSRSetAxisMappingStrategy(nint srs, int strategy);

    [LibraryImport(GdalLibrary.Name)] internal static partial nint OCTNewCoordinateTransformation(nint src, nint dst);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OCTDestroyCoordinateTransformation(nint ct);
    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial int OCTTransformEx(nint ct, int count, double* x, double* y, double* z, int* success);
}
