using System.Text.Json;
using Sam.Geo.Pipeline;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Cli.Serve;

/// <summary>
/// The body of <c>POST /segment</c>:
/// <c>{"raster": PATH, "prompts": FeatureCollection, "crs": "EPSG:4326", "out_crs": ..., "min_area": ...,
/// "max_hole_area": ..., "simplify": PX, "largest_only": bool, "connectivity": 4|8, "skip_outside": bool}</c>. The fields mean
/// what the <c>samgeo segment</c> options of the same name mean.
/// </summary>
/// <param name="Raster">The raster's path, as the server sees it.</param>
/// <param name="PromptsJson">The prompts: GeoJSON text, read with the prompt-file rules (label 1/0, polygons as boxes, "object" grouping).</param>
/// <param name="PromptCrs">The prompts' CRS when given; else the GeoJSON's own (WGS 84 lon/lat unless it has a legacy "crs" member).</param>
/// <param name="OutCrs">The output CRS when given; else WGS 84 lon/lat (RFC 7946).</param>
/// <param name="Options">Cleanup and prompt handling.</param>
internal sealed record SegmentRequest(string Raster, string PromptsJson, string? PromptCrs, string? OutCrs, SegmentationOptions Options)
{
    private static readonly string[] Fields = ["raster", "prompts", "crs", "out_crs", "min_area", "max_hole_area", "simplify", "largest_only", "connectivity", "skip_outside"];

    /// <summary>Reads a request body.</summary>
    /// <exception cref="SamGeoInputException">Not JSON, not an object, a missing or mistyped field, an unknown field.</exception>
    public static SegmentRequest Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SamGeoInputException($"the request body is not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new SamGeoInputException("the request body must be a JSON object such as {\"raster\": PATH, \"prompts\": {\"type\": \"FeatureCollection\", ...}}");
            foreach (var field in root.EnumerateObject())
                if (!Fields.Contains(field.Name))
                    throw new SamGeoInputException($"unknown field \"{field.Name}\" in the request (fields: {string.Join(", ", Fields)})");

            string raster = String(root, "raster") is { Length: > 0 } r ? r : throw new SamGeoInputException("\"raster\" is missing: give the raster's path");
            var options = new SegmentationOptions
            {
                MinArea = Area(root, "min_area"),
                MaxHoleArea = Area(root, "max_hole_area"),
                SimplifyPixels = Simplify(root) ?? new SegmentationOptions().SimplifyPixels,
                LargestOnly = Bool(root, "largest_only"),
                Connectivity = Connectivity(root),
                SkipOutside = Bool(root, "skip_outside"),
            };
            return new SegmentRequest(raster, Prompts(root), String(root, "crs"), String(root, "out_crs"), options);
        }
    }

    private static string Prompts(JsonElement root)
    {
        if (!root.TryGetProperty("prompts", out var prompts) || prompts.ValueKind == JsonValueKind.Null)
            throw new SamGeoInputException("\"prompts\" is missing: give a GeoJSON FeatureCollection of Point (label 1/0) and Polygon (box) features");
        bool isGeoJson = prompts.ValueKind == JsonValueKind.Object
            && prompts.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && type.GetString() is "FeatureCollection" or "Feature";
        return isGeoJson ? prompts.GetRawText()
            : throw new SamGeoInputException("\"prompts\" must be a GeoJSON FeatureCollection (or Feature) of Point (label 1/0) and Polygon (box) features");
    }

    private static string? String(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw new SamGeoInputException($"\"{name}\" must be a string, not {Describe(v)}");

    private static bool Bool(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw new SamGeoInputException($"\"{name}\" must be true or false, not {Describe(v)}"),
        };

    private static AreaThreshold Area(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return AreaThreshold.None;
        string text = v.ValueKind switch
        {
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.String => v.GetString()!,
            _ => throw new SamGeoInputException($"\"{name}\" must be square metres (25) or pixels (\"40px\"), not {Describe(v)}"),
        };
        return AreaThreshold.Parse(text, $"\"{name}\"");
    }

    private static double? Simplify(JsonElement root)
    {
        if (!root.TryGetProperty("simplify", out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double px) && px >= 0 && double.IsFinite(px) ? px
            : throw new SamGeoInputException($"\"simplify\" must be a tolerance in pixels >= 0, not {Describe(v)}");
    }

    private static PixelConnectivity Connectivity(JsonElement root)
    {
        if (!root.TryGetProperty("connectivity", out var v) || v.ValueKind == JsonValueKind.Null) return PixelConnectivity.Four;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) && n is 4 or 8
            ? (n == 8 ? PixelConnectivity.Eight : PixelConnectivity.Four)
            : throw new SamGeoInputException($"\"connectivity\" must be 4 or 8, not {Describe(v)}");
    }

    private static string Describe(JsonElement v)
    {
        string text = v.ValueKind == JsonValueKind.String ? $"\"{v.GetString()}\"" : v.GetRawText().ReplaceLineEndings(" ");
        return text.Length > 40 ? text[..37] + "..." : text;
    }
}
