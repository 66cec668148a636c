using Sam.Geo.Raster;

namespace Sam.Geo.Prompts;

/// <summary>
/// The prompts read from a GIS file by <see cref="PromptFileReader"/>, with the CRS their coordinates are in.
/// Dispose it to release <see cref="Crs"/>.
/// </summary>
public sealed class PromptFile : IDisposable
{
    internal PromptFile(string path, string layerName, SpatialReference crs, IReadOnlyList<PromptObject> objects)
    {
        Path = path;
        LayerName = layerName;
        Crs = crs;
        Objects = objects;
    }

    /// <summary>The file the prompts came from.</summary>
    public string Path { get; }

    /// <summary>The layer they were read from.</summary>
    public string LayerName { get; }

    /// <summary>The CRS of every coordinate in <see cref="Objects"/> (the layer's; WGS 84 lon/lat for GeoJSON without "crs"). Owned by this instance.</summary>
    public SpatialReference Crs { get; }

    /// <summary>The objects, in the order their first feature appears in the file.</summary>
    public IReadOnlyList<PromptObject> Objects { get; }

    /// <inheritdoc />
    public void Dispose() => Crs.Dispose();
}
