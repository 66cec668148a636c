using System.Globalization;
using NetTopologySuite.Geometries;
using Sam.Geo.Interop;
using Sam.Geo.Raster;

namespace Sam.Geo.Prompts;

/// <summary>
/// Reads prompts drawn in a GIS (GeoJSON, GeoPackage, Shapefile, anything OGR reads) from one layer:
/// <list type="bullet">
/// <item>Point features are point prompts; their <c>label</c> property is 1 (foreground) or 0 (background),
/// and a missing or null label means 1.</item>
/// <item>Polygon and MultiPolygon features are box prompts: their envelope (a label there must be 1).</item>
/// <item>The optional <c>object</c> property (integer or text) groups features into one object (one SAM call:
/// its points plus at most one box). A feature without it is an object of its own, because GIS users expect
/// one feature = one object unless they group them; a background point alone is refused, since it cannot
/// describe an object.</item>
/// </list>
/// Property names are matched case-insensitively. Coordinates stay in the layer's CRS (<see cref="PromptFile.Crs"/>).
/// </summary>
public static class PromptFileReader
{
    /// <summary>The property holding 1 (foreground) or 0 (background).</summary>
    public const string LabelProperty = "label";

    /// <summary>The property grouping features into objects.</summary>
    public const string ObjectProperty = "object";

    /// <summary>Reads the prompts of <paramref name="path"/>. The caller disposes the result.</summary>
    /// <param name="path">The prompt file.</param>
    /// <param name="layerName">The layer to read; null for the first one.</param>
    /// <param name="assumeCrs">The CRS (EPSG:n, WKT...) of a layer that has none (a Shapefile without .prj); never overrides the file's.</param>
    /// <exception cref="SamGeoInputException">Missing or unreadable file, no such layer, no CRS, no prompts, a label other
    /// than 0/1, a geometry that is not Point/Polygon/MultiPolygon, two boxes for one object, an object with only
    /// background points. The message names the file and the feature (its FID).</exception>
    public static PromptFile Read(string path, string? layerName = null, string? assumeCrs = null)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new SamGeoInputException($"prompt file not found: {path}");
        using var file = OgrVectorFile.TryOpen(path) ?? throw new SamGeoInputException($"not a vector file GDAL can read, or one without layers: {path}");
        var layer = FindLayer(file, path, layerName);
        var crs = layer.CloneCrs()
            ?? (string.IsNullOrWhiteSpace(assumeCrs) ? null : SpatialReference.Parse(assumeCrs))
            ?? throw new SamGeoInputException($"prompt file has no CRS: {path} (add a .prj, or assume a CRS such as EPSG:4326)");
        try
        {
            return new PromptFile(path, layer.Name, crs, ReadObjects(layer, path));
        }
        catch
        {
            crs.Dispose();
            throw;
        }
    }

    private static OgrLayerReader FindLayer(OgrVectorFile file, string path, string? layerName)
    {
        int count = file.LayerCount;
        if (count == 0) throw new SamGeoInputException($"prompt file has no layer: {path}");
        if (layerName is null) return file.Layer(0);
        var layers = Enumerable.Range(0, count).Select(file.Layer).ToArray();
        return layers.FirstOrDefault(l => l.Name == layerName)
            ?? throw new SamGeoInputException($"layer '{layerName}' not found in {path} (layers: {string.Join(", ", layers.Select(l => l.Name))})");
    }

    private static List<PromptObject> ReadObjects(OgrLayerReader layer, string path)
    {
        var objects = new Dictionary<string, ObjectBuilder>();
        var order = new List<string>();
        using var features = layer.Features().GetEnumerator();
        while (MoveNext(features, path))
        {
            var feature = features.Current;
            string where = $"{path}, feature {feature.Fid}";
            string id = ObjectId(feature) ?? $"feature-{feature.Fid}";
            if (!objects.TryGetValue(id, out var builder))
            {
                objects[id] = builder = new ObjectBuilder(feature.Fid);
                order.Add(id);
            }
            bool foreground = Label(feature, where);
            switch (feature.Geometry)
            {
                case null or { IsEmpty: true }:
                    throw new SamGeoInputException($"{where}: no geometry");
                case Point p:
                    builder.Points.Add(new PromptPoint(p.X, p.Y, foreground));
                    break;
                case Polygon or MultiPolygon:
                    if (!foreground) throw new SamGeoInputException($"{where}: a box cannot be background (label 0); use label 1 or no label");
                    if (builder.Box is not null)
                        throw new SamGeoInputException($"{where}: object '{id}' already has a box (feature {builder.BoxFid}); SAM takes one box per object");
                    var e = feature.Geometry.EnvelopeInternal;
                    builder.Box = new PromptBox(e.MinX, e.MinY, e.MaxX, e.MaxY);
                    builder.BoxFid = feature.Fid;
                    break;
                default:
                    throw new SamGeoInputException($"{where}: a {feature.Geometry.GeometryType} is not a prompt (use Point, Polygon or MultiPolygon)");
            }
        }
        if (order.Count == 0) throw new SamGeoInputException($"prompt file has no features: {path}");
        foreach (string id in order)
        {
            var b = objects[id];
            if (b.Box is null && !b.Points.Any(p => p.Foreground))
                throw new SamGeoInputException($"{path}, feature {b.FirstFid}: object '{id}' has only background points (label 0); add a foreground point or a box, or group it with {ObjectProperty}");
        }
        return order.Select(id => new PromptObject(id, objects[id].Points, objects[id].Box)).ToList();
    }

    private static bool MoveNext(IEnumerator<OgrFeatureRecord> features, string path)
    {
        try { return features.MoveNext(); }
        catch (NetTopologySuite.IO.ParseException e)
        {
            throw new SamGeoInputException($"{path}: a geometry that is not a prompt (curves or other types; use Point, Polygon or MultiPolygon)", e);
        }
    }

    private static bool Label(OgrFeatureRecord feature, string where)
    {
        if (!feature.Attributes.TryGetValue(LabelProperty, out var value) || value is null) return true;
        return value switch
        {
            long l and (0 or 1) => l == 1,
            double d and (0.0 or 1.0) => d == 1.0,
            string s when s.Trim() is "0" or "1" => s.Trim() == "1",
            string s when string.IsNullOrWhiteSpace(s) => true,
            _ => throw new SamGeoInputException($"{where}: label must be 1 (foreground) or 0 (background), not '{Convert.ToString(value, CultureInfo.InvariantCulture)}'"),
        };
    }

    private static string? ObjectId(OgrFeatureRecord feature)
    {
        if (!feature.Attributes.TryGetValue(ObjectProperty, out var value)) return null;
        return value switch
        {
            null => null,
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
            string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    private sealed class ObjectBuilder(long firstFid)
    {
        public long FirstFid { get; } = firstFid;
        public List<PromptPoint> Points { get; } = [];
        public PromptBox? Box { get; set; }
        public long BoxFid { get; set; }
    }
}
