using System.Runtime.InteropServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Sam.Geo.Raster;

namespace Sam.Geo.Interop;

/// <summary>One feature read through OGR: its FID, geometry (null when absent) and attributes.</summary>
/// <remarks>Attribute values are <see cref="long"/> (integer fields), <see cref="double"/> (real fields),
/// <see cref="string"/> (every other type) or null; names are matched case-insensitively, as OGR does.</remarks>
internal sealed record OgrFeatureRecord(long Fid, Geometry? Geometry, IReadOnlyDictionary<string, object?> Attributes);

/// <summary>A vector dataset (GeoJSON, GeoPackage, Shapefile...) opened read-only through OGR.</summary>
internal sealed class OgrVectorFile : IDisposable
{
    private readonly DatasetHandle _ds;

    private OgrVectorFile(DatasetHandle ds) => _ds = ds;

    /// <summary>Opens <paramref name="path"/> as a vector dataset; null when GDAL cannot read it as one.</summary>
    internal static OgrVectorFile? TryOpen(string path)
    {
        GdalNative.Initialize();
        GdalError.Reset();
        nint h = GdalNative.GDALOpenEx(path, GdalNative.GDAL_OF_VECTOR | GdalNative.GDAL_OF_READONLY, 0, 0, 0);
        GdalError.Reset();
        return h == 0 ? null : new OgrVectorFile(new DatasetHandle(h));
    }

    /// <summary>Number of layers.</summary>
    internal int LayerCount => GdalNative.GDALDatasetGetLayerCount(_ds.DangerousGetHandle());

    /// <summary>The layer at <paramref name="index"/> (0-based); valid while this file is open.</summary>
    internal OgrLayerReader Layer(int index) =>
        new(GdalError.CheckHandle(GdalNative.GDALDatasetGetLayer(_ds.DangerousGetHandle(), index), $"layer {index}"));

    /// <summary>Runs an SQL query (the driver's dialect; SQLite for GeoPackage) and returns its rows.</summary>
    internal List<OgrFeatureRecord> ExecuteSql(string sql)
    {
        nint ds = _ds.DangerousGetHandle();
        GdalError.Reset();
        nint result = GdalError.CheckHandle(GdalNative.GDALDatasetExecuteSQL(ds, sql, 0, null), $"running '{sql}'");
        try { return new OgrLayerReader(result).Features().ToList(); }
        finally { GdalNative.GDALDatasetReleaseResultSet(ds, result); }
    }

    /// <inheritdoc />
    public void Dispose() => _ds.Dispose();
}

/// <summary>A layer of an <see cref="OgrVectorFile"/>; borrowed from the dataset, never outlives it.</summary>
internal sealed class OgrLayerReader
{
    private readonly nint _layer;

    internal OgrLayerReader(nint layer) => _layer = layer;

    /// <summary>The layer's name.</summary>
    internal string Name => Marshal.PtrToStringUTF8(GdalNative.OGR_L_GetName(_layer)) ?? "";

    /// <summary>OGR's geometry type code of the layer (wkbPolygon, wkbMultiPolygon, wkbUnknown...).</summary>
    internal int GeometryType => GdalNative.OGR_L_GetGeomType(_layer);

    /// <summary>The number of features (counted when the driver does not know it).</summary>
    internal long FeatureCount => GdalNative.OGR_L_GetFeatureCount(_layer, 1);

    /// <summary>A copy of the layer's CRS (the caller disposes it), or null when the layer has none.</summary>
    internal SpatialReference? CloneCrs() => SpatialReference.CloneFrom(GdalNative.OGR_L_GetSpatialRef(_layer));

    /// <summary>Field names and OGR field types (OFTInteger, OFTReal, OFTString...), in layer order.</summary>
    internal IReadOnlyList<(string Name, int Type)> Fields
    {
        get
        {
            nint defn = GdalNative.OGR_L_GetLayerDefn(_layer);
            int n = GdalNative.OGR_FD_GetFieldCount(defn);
            var fields = new (string, int)[n];
            for (int i = 0; i < n; i++)
            {
                nint f = GdalNative.OGR_FD_GetFieldDefn(defn, i);
                fields[i] = (Marshal.PtrToStringUTF8(GdalNative.OGR_Fld_GetNameRef(f)) ?? "", GdalNative.OGR_Fld_GetType(f));
            }
            return fields;
        }
    }

    /// <summary>Streams the features from the start of the layer.</summary>
    /// <exception cref="NetTopologySuite.IO.ParseException">A geometry NTS cannot read (curves...).</exception>
    internal IEnumerable<OgrFeatureRecord> Features()
    {
        var fields = Fields;
        var wkbReader = new WKBReader();
        GdalNative.OGR_L_ResetReading(_layer);
        while (true)
        {
            nint f = GdalNative.OGR_L_GetNextFeature(_layer);
            if (f == 0) yield break;
            using var feature = new FeatureHandle(f);
            yield return Read(f, fields, wkbReader);
        }
    }

    private static OgrFeatureRecord Read(nint f, IReadOnlyList<(string Name, int Type)> fields, WKBReader wkbReader)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Count; i++)
        {
            var (name, type) = fields[i];
            attributes[name] = GdalNative.OGR_F_IsFieldSetAndNotNull(f, i) == 0 ? null
                : type is GdalNative.OFTInteger or GdalNative.OFTInteger64 ? GdalNative.OGR_F_GetFieldAsInteger64(f, i)
                : type == GdalNative.OFTReal ? GdalNative.OGR_F_GetFieldAsDouble(f, i)
                : Marshal.PtrToStringUTF8(GdalNative.OGR_F_GetFieldAsString(f, i));
        }
        return new OgrFeatureRecord(GdalNative.OGR_F_GetFID(f), ReadGeometry(GdalNative.OGR_F_GetGeometryRef(f), wkbReader), attributes);
    }

    private static unsafe Geometry? ReadGeometry(nint g, WKBReader wkbReader)
    {
        if (g == 0) return null;
        var wkb = new byte[GdalNative.OGR_G_WkbSize(g)];
        fixed (byte* p = wkb)
            if (GdalNative.OGR_G_ExportToIsoWkb(g, 1, p) != GdalNative.OGRERR_NONE) throw GdalError.Last("exporting a geometry to WKB");
        return wkbReader.Read(wkb);
    }
}
