using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Densify;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Sam.Geo.Raster;

namespace Sam.Geo.Cli.Samples;

/// <summary>
/// Ground-truth GeoJSON next to a sample raster (<c>name.truth.geojson</c>): one Feature per object with
/// properties <c>id</c>, <c>class</c> and <c>color</c> (base value per band), geometry in WGS 84 lon/lat
/// (RFC 7946: exterior rings counter-clockwise). Coordinates are written at full precision so that the
/// pixel-centre rule can be replayed exactly.
/// </summary>
public static class TruthFile
{
    /// <summary>Longest segment, in pixels, kept before reprojection (so curved images of straight edges stay close).</summary>
    public const double DensifyPixels = 16;

    /// <summary>The truth file that belongs to a raster path: <c>dir/name.tif</c> → <c>dir/name.truth.geojson</c>.</summary>
    public static string PathFor(string rasterPath) =>
        Path.Combine(Path.GetDirectoryName(rasterPath) ?? "", Path.GetFileNameWithoutExtension(rasterPath) + ".truth.geojson");

    /// <summary>Pixel (corner origin) → raster CRS (geotransform, rotation included) → WGS 84 lon/lat.</summary>
    public static Geometry ToLonLat(Geometry pixel, GeoTransform transform, SpatialReference crs)
    {
        // Copy: the densifier shares Coordinate objects with its input, and the mapper below works in place.
        var g = Densifier.Densify(pixel, DensifyPixels).Copy();
        using var wgs84 = SpatialReference.Wgs84();
        using var toWgs84 = new CoordinateTransform(crs, wgs84);
        g.Apply(new CoordinateMapper((xs, ys) =>
        {
            for (int i = 0; i < xs.Length; i++) (xs[i], ys[i]) = transform.PixelToMap(xs[i], ys[i]);
            return toWgs84.TryTransform(xs, ys);
        }));
        return OrientForRfc7946(g);
    }

    /// <summary>WGS 84 lon/lat → raster CRS → pixel coordinates (corner origin) of <paramref name="raster"/>.</summary>
    public static Geometry ToPixel(Geometry lonLat, GeoRaster raster)
    {
        var g = lonLat.Copy();
        using var wgs84 = SpatialReference.Wgs84();
        using var toRaster = new CoordinateTransform(wgs84, raster.Crs ?? throw new ArgumentException($"{raster.Path} has no CRS"));
        var gt = raster.GeoTransform;
        g.Apply(new CoordinateMapper((xs, ys) =>
        {
            if (!toRaster.TryTransform(xs, ys)) return false;
            for (int i = 0; i < xs.Length; i++) (xs[i], ys[i]) = gt.MapToPixel(xs[i], ys[i]);
            return true;
        }));
        return g;
    }

    /// <summary>Writes the objects as a FeatureCollection (through a temporary file, so no half-written file is left).</summary>
    public static void Write(string path, IEnumerable<TruthObject> objects)
    {
        var collection = new FeatureCollection();
        foreach (var o in objects)
            collection.Add(new Feature(o.LonLat, new AttributesTable { { "id", o.Id }, { "class", o.Class }, { "color", o.Color.ToArray() } }));
        string partial = path + ".partial";
        using (var stream = File.Create(partial))
            JsonSerializer.Serialize(stream, collection, Options);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Reads a truth file; <see cref="TruthObject.Pixel"/> is computed for <paramref name="raster"/>.</summary>
    public static IReadOnlyList<TruthObject> Read(string path, GeoRaster raster)
    {
        using var stream = File.OpenRead(path);
        var collection = JsonSerializer.Deserialize<FeatureCollection>(stream, Options)
            ?? throw new InvalidDataException($"{path} is not a GeoJSON FeatureCollection");
        return collection.Select(f => new TruthObject(
            Convert.ToInt32(Scalar(f.Attributes["id"])),
            Convert.ToString(Scalar(f.Attributes["class"])) ?? "",
            IntList(f.Attributes["color"]),
            ToPixel(f.Geometry, raster),
            f.Geometry)).ToList();
    }

    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions { WriteIndented = false };
        o.Converters.Add(new GeoJsonConverterFactory(Shapes.Factory));
        return o;
    }

    private static object? Scalar(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => value,
    };

    private static int[] IntList(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => x.GetInt32()).ToArray(),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(x => Convert.ToInt32(Scalar(x))).ToArray(),
        _ => throw new InvalidDataException("a truth feature's color is not a list of numbers"),
    };

    private static Geometry OrientForRfc7946(Geometry g)
    {
        Polygon Orient(Polygon p) => Shapes.Factory.CreatePolygon(Ring(p.Shell, ccw: true), p.Holes.Select(h => Ring(h, ccw: false)).ToArray());
        return g switch
        {
            Polygon p => Orient(p),
            MultiPolygon mp => Shapes.Factory.CreateMultiPolygon(Enumerable.Range(0, mp.NumGeometries).Select(i => Orient((Polygon)mp.GetGeometryN(i))).ToArray()),
            _ => g,
        };
    }

    private static LinearRing Ring(LinearRing ring, bool ccw) =>
        Orientation.IsCCW(ring.CoordinateSequence) == ccw ? ring : (LinearRing)ring.Reverse();
}
