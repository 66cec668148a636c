namespace Sam.Geo.Export;

/// <summary>The file formats Sam.Geo writes, chosen by the output's extension.</summary>
public enum OutputFormat
{
    /// <summary>GeoJSON (RFC 7946), <c>.geojson</c> or <c>.json</c>.</summary>
    GeoJson,
    /// <summary>ESRI Shapefile, <c>.shp</c> with its <c>.shx .dbf .prj .cpg</c> sidecars.</summary>
    Shapefile,
    /// <summary>OGC GeoPackage, <c>.gpkg</c>.</summary>
    GeoPackage,
    /// <summary>GeoTIFF, <c>.tif</c> or <c>.tiff</c>.</summary>
    GeoTiff,
    /// <summary>PNG picture (previews), <c>.png</c>.</summary>
    Png,
}

/// <summary>Extensions of the <see cref="OutputFormat"/>s and the files each one is made of.</summary>
public static class OutputFormats
{
    private static readonly (string Extension, OutputFormat Format)[] ByExtension =
    [
        (".geojson", OutputFormat.GeoJson), (".json", OutputFormat.GeoJson), (".shp", OutputFormat.Shapefile),
        (".gpkg", OutputFormat.GeoPackage), (".tif", OutputFormat.GeoTiff), (".tiff", OutputFormat.GeoTiff),
        (".png", OutputFormat.Png),
    ];

    /// <summary>The sidecars a shapefile may have besides <c>.shp</c>; all are replaced together on overwrite.</summary>
    internal static readonly string[] ShapefileSidecars = [".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj"];

    /// <summary>The format of <paramref name="path"/> by its extension (case-insensitive), or null when unknown.</summary>
    public static OutputFormat? FromPath(string path)
    {
        string ext = Path.GetExtension(path);
        foreach (var (e, f) in ByExtension)
            if (string.Equals(e, ext, StringComparison.OrdinalIgnoreCase)) return f;
        return null;
    }

    /// <summary>The extensions of the given formats, e.g. ".geojson, .json, .shp".</summary>
    public static string ExtensionsOf(IEnumerable<OutputFormat> formats)
    {
        var set = formats.ToHashSet();
        return string.Join(", ", ByExtension.Where(x => set.Contains(x.Format)).Select(x => x.Extension));
    }
}
