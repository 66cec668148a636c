using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Sam.Geo.Export;
using Sam.Geo.Interop;

namespace Sam.Geo.Tests.Export;

/// <summary>Features in EPSG:32632 around the known point lon 9, lat 45 = (500000, 4982950.40), and OGR read-back.</summary>
internal static class ExportTestData
{
    public const double KnownEasting = 500000, KnownNorthing = 4982950.40, KnownLon = 9, KnownLat = 45;

    /// <summary>100 m square (clockwise shell, starting at the known point) with a 20 m counter-clockwise hole: 9600 m².</summary>
    public const string PolygonWithHoleWkt =
        "POLYGON ((500000 4982950.4, 500000 4983050.4, 500100 4983050.4, 500100 4982950.4, 500000 4982950.4), " +
        "(500020 4982970.4, 500040 4982970.4, 500040 4982990.4, 500020 4982990.4, 500020 4982970.4))";

    /// <summary>Two 50 m squares: 5000 m².</summary>
    public const string MultiPolygonWkt =
        "MULTIPOLYGON (((500200 4982950.4, 500250 4982950.4, 500250 4983000.4, 500200 4983000.4, 500200 4982950.4)), " +
        "((500300 4982950.4, 500350 4982950.4, 500350 4983000.4, 500300 4983000.4, 500300 4982950.4)))";

    public static FeatureSchema Schema() => new(
        new FieldDefinition("id", FieldType.Integer),
        new FieldDefinition("score", FieldType.Real),
        new FieldDefinition("name", FieldType.String),
        new FieldDefinition("stability_score", FieldType.Real));

    public static IFeature[] Features()
    {
        var reader = new WKTReader();
        return
        [
            new Feature(reader.Read(PolygonWithHoleWkt), new AttributesTable { { "id", 7L }, { "score", 0.875 }, { "name", "Forêt ✓" }, { "stability_score", 0.5 } }),
            new Feature(reader.Read(MultiPolygonWkt), new AttributesTable { { "id", 1234567890123L }, { "score", -2.25 }, { "name", "two parts" } }),
        ];
    }

    /// <summary>The first layer of <paramref name="path"/> through OGR: its features, CRS EPSG code and field names.</summary>
    public static (List<OgrFeatureRecord> Features, int? Epsg, string[] Fields) ReadBack(string path)
    {
        using var file = OgrVectorFile.TryOpen(path) ?? throw new InvalidOperationException($"OGR cannot open {path}");
        var layer = file.Layer(0);
        using var crs = layer.CloneCrs();
        return (layer.Features().ToList(), crs?.EpsgCode, layer.Fields.Select(f => f.Name).ToArray());
    }

    /// <summary>Files in <paramref name="folder"/>, names only, sorted.</summary>
    public static string[] FilesIn(string folder) => Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToArray()!;
}
