using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Sam.Geo.Interop;
using Sam.Geo.Raster;

namespace Sam.Geo.Export;

/// <summary>
/// Writes features to a Shapefile or a GeoPackage through OGR, in the source (raster) CRS unless another is
/// asked: the .prj / gpkg_spatial_ref_sys entry comes from that CRS (srs_id = its EPSG code when it has one).
/// GeoPackage features go in transactions of <see cref="FeatureSinkOptions.BatchSize"/>; Shapefiles are written
/// with a UTF-8 .cpg and field names cut to the format's 10 characters (see <see cref="ShapefileFieldNames"/>).
/// </summary>
/// <remarks>
/// Polygon layers: a GeoPackage layer is MultiPolygon (polygons are promoted, as ogr2ogr's PROMOTE_TO_MULTI does,
/// so the layer has one geometry type); a Shapefile polygon layer holds polygons and multipolygons alike.
/// </remarks>
internal sealed class OgrFeatureSink : IFeatureSink
{
    private readonly AtomicOutput _output;
    private readonly OgrVectorWriter _writer;
    private readonly GeometryReprojector? _reprojector;
    private readonly WKBWriter _wkb = new(ByteOrder.LittleEndian, handleSRID: false, emitZ: false);
    private readonly object?[] _values;
    private readonly int _layerGeometryType;
    private readonly int _batchSize;
    private bool _finished;

    internal OgrFeatureSink(AtomicOutput output, FeatureSchema schema, SpatialReference sourceCrs, FeatureSinkOptions options,
        int layerGeometryType = GdalNative.wkbPolygon)
    {
        _output = output;
        Schema = schema;
        _values = new object?[schema.Fields.Count];
        _batchSize = Math.Max(1, options.BatchSize);
        bool shapefile = output.Format == OutputFormat.Shapefile;
        _layerGeometryType = !shapefile && layerGeometryType == GdalNative.wkbPolygon ? GdalNative.wkbMultiPolygon : layerGeometryType;

        using var layerCrs = WithEpsgAuthority(options.TargetCrs ?? sourceCrs);
        var names = shapefile ? ShapefileFieldNames.Shorten(schema.Fields.Select(f => f.Name).ToArray()) : schema.Fields.Select(f => f.Name).ToArray();
        var fields = schema.Fields.Select((f, i) => new OgrFieldSpec(names[i], OgrType(f.Type), shapefile && f.Type == FieldType.String ? 254 : 0)).ToArray();
        string layerName = options.LayerName ?? System.IO.Path.GetFileNameWithoutExtension(output.TargetPath);
        string[] layerOptions = shapefile ? ["ENCODING=UTF-8"] : ["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"];
        // The reprojector first: PROJ refusing the CRS pair must not leave the new dataset open.
        _reprojector = sourceCrs.IsSame(layerCrs) ? null : new GeometryReprojector(sourceCrs, layerCrs);
        try
        {
            _writer = OgrVectorWriter.Create(shapefile ? "ESRI Shapefile" : "GPKG", output.TemporaryPath, layerName, layerCrs,
                _layerGeometryType, fields, layerOptions);
        }
        catch
        {
            _reprojector?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Path => _output.TargetPath;

    /// <inheritdoc />
    public FeatureSchema Schema { get; }

    /// <inheritdoc />
    public long Count { get; private set; }

    /// <inheritdoc />
    public void Write(IFeature feature)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        Schema.ValuesOf(feature.Attributes, _values);
        var geometry = feature.Geometry ?? throw new ArgumentException($"feature {Count} has no geometry");
        if (_reprojector is not null) geometry = _reprojector.Reproject(geometry);
        geometry = FitLayer(geometry);
        if (Count % _batchSize == 0) _writer.BeginBatch();
        _writer.Write(_wkb.Write(geometry), _values);
        Count++;
        if (Count % _batchSize == 0) _writer.EndBatch();
    }

    private Geometry FitLayer(Geometry geometry) => (_layerGeometryType, geometry) switch
    {
        (GdalNative.wkbMultiPolygon, Polygon p) => p.Factory.CreateMultiPolygon([p]),
        (GdalNative.wkbMultiPolygon or GdalNative.wkbPolygon, Polygon or MultiPolygon) => geometry,
        (GdalNative.wkbPolygon or GdalNative.wkbMultiPolygon, _) =>
            throw new ArgumentException($"a polygon layer cannot hold a {geometry.GeometryType}: {Path}"),
        _ => geometry,
    };

    /// <inheritdoc />
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        _writer.Close();
        _output.Commit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _finished = true;
        _writer.Dispose();
        _reprojector?.Dispose();
        _output.Dispose();
    }

    private static int OgrType(FieldType type) => type switch
    {
        FieldType.Integer => GdalNative.OFTInteger64,
        FieldType.Real => GdalNative.OFTReal,
        _ => GdalNative.OFTString,
    };

    /// <summary>
    /// The CRS itself, or its EPSG twin when it has no authority but is identified as an EPSG CRS (a raster's
    /// CRS read from GeoTIFF keys often lacks one): GeoPackage then uses the EPSG code as srs_id.
    /// </summary>
    private static SpatialReference WithEpsgAuthority(SpatialReference crs)
    {
        if (crs.EpsgCode is int code)
        {
            var epsg = SpatialReference.FromEpsg(code);
            if (epsg.IsSame(crs)) return epsg;
            epsg.Dispose();
        }
        return crs.Clone();
    }
}
