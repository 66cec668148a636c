using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Features;
using Sam.Geo.Raster;

namespace Sam.Geo.Export;

/// <summary>
/// Streams a GeoJSON FeatureCollection with <see cref="Utf8JsonWriter"/>: one feature at a time, flushed to the
/// file as the buffer fills, so memory does not grow with the number of features.
/// </summary>
/// <remarks>
/// Coordinates are WGS 84 lon/lat by default (RFC 7946), rounded to 1e-7 degrees (about 1 cm); in a projected
/// CRS they are rounded to 1e-3 units (1 mm). RFC 7946 removed the "crs" member and allows another CRS only by
/// prior arrangement; since every GIS reader (GDAL, QGIS, ArcGIS) still honours the GeoJSON 2008 member and
/// would otherwise place the data as lon/lat, a non-WGS 84 output carries
/// <c>"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::n"}}</c> (so that CRS must have an
/// EPSG code). A WGS 84 output has no "crs" member and is plain RFC 7946. Text is written as UTF-8 without
/// \u escapes (relaxed escaping: the file is data, never embedded in HTML).
/// </remarks>
internal sealed class GeoJsonFeatureSink : IFeatureSink
{
    private readonly AtomicOutput _output;
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly GeometryReprojector? _reprojector;
    private readonly GeoJsonGeometryWriter _geometryWriter;
    private readonly object?[] _values;
    private bool _finished;

    internal GeoJsonFeatureSink(AtomicOutput output, FeatureSchema schema, SpatialReference sourceCrs, FeatureSinkOptions options)
    {
        _output = output;
        Schema = schema;
        _values = new object?[schema.Fields.Count];
        using var wgs84 = SpatialReference.Wgs84();
        var target = options.TargetCrs ?? wgs84;
        bool isWgs84 = target.IsSame(wgs84);
        int? epsg = isWgs84 ? 4326 : target.EpsgCode;
        if (epsg is null)
            throw new SamGeoInputException($"GeoJSON output CRS '{target}' has no EPSG code: {output.TargetPath} (use WGS 84 or an EPSG CRS)");
        _geometryWriter = new GeoJsonGeometryWriter(target.IsGeographic ? GeoJsonGeometryWriter.GeographicDecimals : GeoJsonGeometryWriter.ProjectedDecimals);
        _reprojector = sourceCrs.IsSame(target) ? null : new GeometryReprojector(sourceCrs, target);

        _stream = new FileStream(output.TemporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteString("type", "FeatureCollection");
        _json.WriteString("name", options.LayerName ?? System.IO.Path.GetFileNameWithoutExtension(output.TargetPath));
        if (!isWgs84)
        {
            _json.WriteStartObject("crs");
            _json.WriteString("type", "name");
            _json.WriteStartObject("properties");
            _json.WriteString("name", $"urn:ogc:def:crs:EPSG::{epsg}");
            _json.WriteEndObject();
            _json.WriteEndObject();
        }
        _json.WriteStartArray("features");
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
        var geometry = feature.Geometry is null || _reprojector is null ? feature.Geometry : _reprojector.Reproject(feature.Geometry);

        _json.WriteStartObject();
        _json.WriteString("type", "Feature");
        _json.WriteStartObject("properties");
        for (int i = 0; i < _values.Length; i++)
        {
            _json.WritePropertyName(Schema.Fields[i].Name);
            switch (_values[i])
            {
                case long l: _json.WriteNumberValue(l); break;
                case double d when double.IsFinite(d): _json.WriteNumberValue(d); break;
                case string s: _json.WriteStringValue(s); break;
                default: _json.WriteNullValue(); break; // null, NaN, infinities: JSON has no number for them
            }
        }
        _json.WriteEndObject();
        _json.WritePropertyName("geometry");
        _geometryWriter.Write(_json, geometry);
        _json.WriteEndObject();
        Count++;
        if (_json.BytesPending > 1 << 16) _json.Flush();
    }

    /// <inheritdoc />
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _stream.Flush(flushToDisk: true);
        Close();
        _output.Commit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Close();
        _reprojector?.Dispose();
        _output.Dispose();
    }

    private void Close()
    {
        if (_finished) return;
        _finished = true;
        _json.Dispose();
        _stream.Dispose();
    }
}
