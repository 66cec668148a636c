using Sam.Geo.Raster;

namespace Sam.Geo.Caching;

/// <summary>
/// What is stored with an embedding besides the floats: its key, where the read window lies on the map, and
/// the sizes SAM worked with. Build one with <see cref="Create"/>.
/// </summary>
public sealed class EmbeddingRecord
{
    internal EmbeddingRecord(EmbeddingKey key, GeoTransform windowGeoTransform, string? crsWkt, int resizedWidth, int resizedHeight, int formatVersion)
    {
        Key = key;
        WindowGeoTransform = windowGeoTransform;
        CrsWkt = crsWkt;
        ResizedWidth = resizedWidth;
        ResizedHeight = resizedHeight;
        FormatVersion = formatVersion;
    }

    /// <summary>
    /// The record for <paramref name="key"/>. <paramref name="rasterGeoTransform"/> is the whole raster's
    /// transform; the window's transform starts at the window's top-left corner and has one step per read
    /// pixel (the raster's pixel size times the downscale factor).
    /// </summary>
    /// <param name="key">The embedding's key.</param>
    /// <param name="rasterGeoTransform">The raster's pixel→map transform.</param>
    /// <param name="crsWkt">The raster's CRS as WKT, or null when it has none.</param>
    public static EmbeddingRecord Create(EmbeddingKey key, GeoTransform rasterGeoTransform, string? crsWkt)
    {
        key.Validate();
        var window = rasterGeoTransform.ForWindow(key.Window.Col, key.Window.Row,
            (double)key.Window.Width / key.ReadWidth, (double)key.Window.Height / key.ReadHeight);
        var (newW, newH) = EmbeddingLayout.ResizedSize(key.ReadWidth, key.ReadHeight);
        return new EmbeddingRecord(key, window, crsWkt, newW, newH, EmbeddingKey.FormatVersion);
    }

    /// <summary>The key the embedding was stored under.</summary>
    public EmbeddingKey Key { get; }

    /// <summary>Map transform of the read image: pixel (0,0) corner = the window's top-left corner; one step = one read pixel.</summary>
    public GeoTransform WindowGeoTransform { get; }

    /// <summary>The raster's CRS as WKT, or null when it had none.</summary>
    public string? CrsWkt { get; }

    /// <summary>Width of the image given to SAM before resizing (the read width), in pixels.</summary>
    public int OriginalWidth => Key.ReadWidth;

    /// <summary>Height of the image given to SAM before resizing (the read height), in pixels.</summary>
    public int OriginalHeight => Key.ReadHeight;

    /// <summary>Width after SAM's resize to a 1024 long side (before padding), in model pixels.</summary>
    public int ResizedWidth { get; }

    /// <summary>Height after SAM's resize to a 1024 long side (before padding), in model pixels.</summary>
    public int ResizedHeight { get; }

    /// <summary>The cache format version the entry was written with.</summary>
    public int FormatVersion { get; }

    /// <summary>
    /// Map transform of the 64×64 embedding grid: cell (0,0) corner = the window's top-left corner; one cell
    /// = 16 model pixels = <c>16 * OriginalWidth / ResizedWidth</c> read pixels across (likewise down). Cells
    /// past the resized image (right or bottom, for a non-square window) cover SAM's zero padding, outside
    /// the window.
    /// </summary>
    public GeoTransform CellGeoTransform => WindowGeoTransform.ForWindow(0, 0,
        (double)EmbeddingLayout.CellSizeInModelPixels * OriginalWidth / ResizedWidth,
        (double)EmbeddingLayout.CellSizeInModelPixels * OriginalHeight / ResizedHeight);
}
