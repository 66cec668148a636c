using Sam.Geo.Raster;

namespace Sam.Geo.Interop;

/// <summary>A field to create in an <see cref="OgrVectorWriter"/> layer: OGR type (OFT*) and width (0 = driver default).</summary>
internal readonly record struct OgrFieldSpec(string Name, int OgrType, int Width = 0);

/// <summary>
/// Creates a one-layer vector dataset with OGR and writes features given as WKB plus field values.
/// <see cref="Close"/> finishes the file and reports failures; <see cref="Dispose"/> without it rolls back
/// any open transaction and closes quietly (the caller deletes what is left).
/// </summary>
internal sealed class OgrVectorWriter : IDisposable
{
    private readonly DatasetHandle _ds;
    private readonly nint _layer;
    private readonly int _fieldCount;
    private readonly string _path;
    private bool _inTransaction;

    private OgrVectorWriter(DatasetHandle ds, nint layer, int fieldCount, string path)
    {
        _ds = ds;
        _layer = layer;
        _fieldCount = fieldCount;
        _path = path;
    }

    /// <summary>
    /// Creates the dataset <paramref name="path"/> with driver <paramref name="driverName"/> and its layer; the
    /// layer's <paramref name="crs"/> is borrowed (GDAL takes its own reference) and may be null.
    /// </summary>
    internal static OgrVectorWriter Create(string driverName, string path, string layerName, SpatialReference? crs, int geometryType,
        IReadOnlyList<OgrFieldSpec> fields, IEnumerable<string>? layerOptions = null)
    {
        GdalNative.Initialize();
        nint driver = GdalError.CheckHandle(GdalNative.GDALGetDriverByName(driverName), $"GDAL driver {driverName}");
        GdalError.Reset();
        var ds = new DatasetHandle(GdalError.CheckHandle(GdalNative.GDALCreate(driver, path, 0, 0, 0, 0, 0), $"creating {path}"));
        try
        {
            using var options = new CStringList(layerOptions);
            nint layer = GdalError.CheckHandle(GdalNative.GDALDatasetCreateLayer(ds.DangerousGetHandle(), layerName,
                crs?.Handle.DangerousGetHandle() ?? 0, geometryType, options.Pointer), $"creating layer {layerName} in {path}");
            foreach (var field in fields)
            {
                nint defn = GdalNative.OGR_Fld_Create(field.Name, field.OgrType);
                try
                {
                    if (field.Width > 0) GdalNative.OGR_Fld_SetWidth(defn, field.Width);
                    if (GdalNative.OGR_L_CreateField(layer, defn, 0) != GdalNative.OGRERR_NONE)
                        throw GdalError.Last($"creating field {field.Name} in {path}");
                }
                finally { GdalNative.OGR_Fld_Destroy(defn); }
            }
            return new OgrVectorWriter(ds, layer, fields.Count, path);
        }
        catch
        {
            ds.Dispose();
            throw;
        }
    }

    /// <summary>Starts a transaction when the driver has real ones (GeoPackage); a no-op otherwise (Shapefile).</summary>
    internal void BeginBatch()
    {
        if (_inTransaction) return;
        GdalError.Reset();
        _inTransaction = GdalNative.GDALDatasetStartTransaction(_ds.DangerousGetHandle(), 0) == GdalNative.OGRERR_NONE;
        GdalError.Reset();
    }

    /// <summary>Commits the transaction opened by <see cref="BeginBatch"/>, if any.</summary>
    internal void EndBatch()
    {
        if (!_inTransaction) return;
        _inTransaction = false;
        if (GdalNative.GDALDatasetCommitTransaction(_ds.DangerousGetHandle()) != GdalNative.OGRERR_NONE)
            throw GdalError.Last($"committing features to {_path}");
    }

    /// <summary>Writes one feature: ISO/OGC WKB geometry and one value per field (long, double, string or null).</summary>
    internal unsafe void Write(ReadOnlySpan<byte> wkb, ReadOnlySpan<object?> values)
    {
        using var feature = new FeatureHandle(GdalError.CheckHandle(GdalNative.OGR_F_Create(GdalNative.OGR_L_GetLayerDefn(_layer)), "OGR_F_Create"));
        nint f = feature.DangerousGetHandle();
        for (int i = 0; i < _fieldCount; i++)
        {
            switch (values[i])
            {
                case null: break;
                case long l: GdalNative.OGR_F_SetFieldInteger64(f, i, l); break;
                case double d: GdalNative.OGR_F_SetFieldDouble(f, i, d); break;
                case string s: GdalNative.OGR_F_SetFieldString(f, i, s); break;
                default: throw new ArgumentException($"field {i}: values must be long, double or string, not {values[i]!.GetType().Name}");
            }
        }
        GdalError.Reset();
        nint geometry;
        fixed (byte* p = wkb)
            if (GdalNative.OGR_G_CreateFromWkb(p, 0, out geometry, wkb.Length) != GdalNative.OGRERR_NONE)
                throw GdalError.Last($"converting a geometry for {_path}");
        if (GdalNative.OGR_F_SetGeometryDirectly(f, geometry) != GdalNative.OGRERR_NONE)
            throw GdalError.Last($"setting a geometry in {_path}");
        if (GdalNative.OGR_L_CreateFeature(_layer, f) != GdalNative.OGRERR_NONE)
            throw GdalError.Last($"writing a feature to {_path}");
    }

    /// <summary>Commits any open batch and closes the dataset, throwing when GDAL reports a failure on close.</summary>
    internal void Close()
    {
        EndBatch();
        GdalError.CloseChecked(_ds, _path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ds.IsClosed) return;
        if (_inTransaction) GdalNative.GDALDatasetRollbackTransaction(_ds.DangerousGetHandle());
        _inTransaction = false;
        _ds.Dispose();
        GdalError.Reset();
    }
}
