using System.Runtime.InteropServices;

namespace Sam.Geo.Interop;

internal static partial class GdalNative
{
    internal const int OFTInteger = 0, OFTReal = 2, OFTString = 4, OFTInteger64 = 12;
    internal const int wkbUnknown = 0, wkbPoint = 1, wkbPolygon = 3, wkbMultiPolygon = 6;
    internal const int OGRERR_NONE = 0;
    internal const int CE_Failure = 3;

    /// <summary>Severity of the thread's last error (CPLErr); GDALClose returns void before GDAL 3.7, so closes are checked with it.</summary>
    [LibraryImport(GdalLibrary.Name)] internal static partial int CPLGetLastErrorType();

    [LibraryImport(GdalLibrary.Name)]
    internal static partial nint GDALDatasetCreateLayer(nint ds, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, nint srs, int geomType, nint options);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALDatasetGetLayerCount(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint GDALDatasetGetLayer(nint ds, int index);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALDatasetStartTransaction(nint ds, int force);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALDatasetCommitTransaction(nint ds);
    [LibraryImport(GdalLibrary.Name)] internal static partial int GDALDatasetRollbackTransaction(nint ds);
    [LibraryImport(GdalLibrary.Name)]
    internal static partial nint GDALDatasetExecuteSQL(nint ds, [MarshalAs(UnmanagedType.LPUTF8Str)] string sql, nint spatialFilter, [MarshalAs(UnmanagedType.LPUTF8Str)] string? dialect);
    [LibraryImport(GdalLibrary.Name)] internal static partial void GDALDatasetReleaseResultSet(nint ds, nint layer);

    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_L_GetName(nint layer);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_L_GetLayerDefn(nint layer);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_L_GetSpatialRef(nint layer);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OGR_L_ResetReading(nint layer);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_L_GetNextFeature(nint layer);
    [LibraryImport(GdalLibrary.Name)] internal static partial long OGR_L_GetFeatureCount(nint layer, int force);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OGR_L_CreateField(nint layer, nint fieldDefn, int approxOk);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OGR_L_CreateFeature(nint layer, nint feature);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OGR_L_GetGeomType(nint layer);

    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_Fld_Create([MarshalAs(UnmanagedType.LPUTF8Str)] string name, int type);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OGR_Fld_Destroy(nint fieldDefn);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OGR_Fld_SetWidth(nint fieldDefn, int width);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_Fld_GetNameRef(nint fieldDefn);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OGR_Fld_GetType(nint fieldDefn);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OGR_FD_GetFieldCount(nint featureDefn);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_FD_GetFieldDefn(nint featureDefn, int index);

    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_F_Create(nint featureDefn);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OGR_F_Destroy(nint feature);
    [LibraryImport(GdalLibrary.Name)] internal static partial long OGR_F_GetFID(nint feature);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OGR_F_IsFieldSetAndNotNull(nint feature, int index);
    [LibraryImport(GdalLibrary.Name)] internal static partial long OGR_F_GetFieldAsInteger64(nint feature, int index);
    [LibraryImport(GdalLibrary.Name)] internal static partial double OGR_F_GetFieldAsDouble(nint feature, int index);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_F_GetFieldAsString(nint feature, int index);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OGR_F_SetFieldInteger64(nint feature, int index, long value);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OGR_F_SetFieldDouble(nint feature, int index, double value);
    [LibraryImport(GdalLibrary.Name)] internal static partial void OGR_F_SetFieldString(nint feature, int index, [MarshalAs(UnmanagedType.LPUTF8Str)] string value);
    [LibraryImport(GdalLibrary.Name)] internal static partial nint OGR_F_GetGeometryRef(nint feature);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OGR_F_SetGeometryDirectly(nint feature, nint geometry);

    [LibraryImport(GdalLibrary.Name)] internal static unsafe partial int OGR_G_CreateFromWkb(byte* wkb, nint srs, out nint geometry, int byteCount);
    [LibraryImport(GdalLibrary.Name)] internal static partial int OGR_G_WkbSize(nint geometry);
    [LibraryImport(GdalLibrary.Name)] internal static unsafe partial int OGR_G_ExportToIsoWkb(nint geometry, int byteOrder, byte* wkb);
}
