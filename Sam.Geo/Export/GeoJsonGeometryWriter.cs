using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Sam.Geo.Export;

/// <summary>
/// Writes NTS geometries as GeoJSON geometry objects: 2D coordinates rounded to <c>decimals</c> places,
/// polygon exterior rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6, right-hand rule).
/// </summary>
internal sealed class GeoJsonGeometryWriter(int decimals)
{
    /// <summary>7 decimals of a degree is about 1 cm on the ground.</summary>
    internal const int GeographicDecimals = 7;

    /// <summary>3 decimals of a metre (or foot) is a millimetre: far below any pixel.</summary>
    internal const int ProjectedDecimals = 3;

    /// <summary>Writes <paramref name="geometry"/> (or null) as the current JSON value.</summary>
    internal void Write(Utf8JsonWriter json, Geometry? geometry)
    {
        if (geometry is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        json.WriteString("type", geometry.GeometryType);
        if (geometry is GeometryCollection collection and not (MultiPoint or MultiLineString or MultiPolygon))
        {
            json.WriteStartArray("geometries");
            foreach (var part in collection.Geometries) Write(json, part);
            json.WriteEndArray();
        }
        else
        {
            json.WritePropertyName("coordinates");
            WriteCoordinates(json, geometry);
        }
        json.WriteEndObject();
    }

    private void WriteCoordinates(Utf8JsonWriter json, Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                if (p.IsEmpty) { json.WriteStartArray(); json.WriteEndArray(); }
                else WritePosition(json, p.CoordinateSequence, 0);
                break;
            case LineString line:
                WriteSequence(json, line.CoordinateSequence, reverse: false);
                break;
            case Polygon polygon:
                json.WriteStartArray();
                if (!polygon.IsEmpty)
                {
                    WriteRing(json, polygon.Shell.CoordinateSequence, counterClockwise: true);
                    foreach (var hole in polygon.Holes) WriteRing(json, hole.CoordinateSequence, counterClockwise: false);
                }
                json.WriteEndArray();
                break;
            case GeometryCollection multi:
                json.WriteStartArray();
                foreach (var part in multi.Geometries) WriteCoordinates(json, part);
                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"GeoJSON cannot hold a {geometry.GeometryType}");
        }
    }

    private void WriteRing(Utf8JsonWriter json, CoordinateSequence ring, bool counterClockwise) =>
        WriteSequence(json, ring, reverse: ring.Count >= 4 && Orientation.IsCCW(ring) != counterClockwise);

    private void WriteSequence(Utf8JsonWriter json, CoordinateSequence sequence, bool reverse)
    {
        json.WriteStartArray();
        int n = sequence.Count;
        for (int i = 0; i < n; i++) WritePosition(json, sequence, reverse ? n - 1 - i : i);
        json.WriteEndArray();
    }

    private void WritePosition(Utf8JsonWriter json, CoordinateSequence sequence, int index)
    {
        json.WriteStartArray();
        json.WriteNumberValue(Math.Round(sequence.GetX(index), decimals));
        json.WriteNumberValue(Math.Round(sequence.GetY(index), decimals));
        json.WriteEndArray();
    }
}
