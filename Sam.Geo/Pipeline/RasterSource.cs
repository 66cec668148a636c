using Sam.Geo.Caching;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Pipeline;

/// <summary>How a raster is turned into SAM input: bands, stretch, tiling, georeference fallback.</summary>
public sealed record RasterSourceOptions
{
    /// <summary>Bands as "r,g,b" or a single band (1-based); null picks the default (RGB-labelled bands, else 1,2,3, else 1).</summary>
    public string? Bands { get; init; }

    /// <summary>The 8-bit stretch, computed once for the whole raster.</summary>
    public StretchOptions Stretch { get; init; } = StretchOptions.Default;

    /// <summary>Tile size in pixels.</summary>
    public int TileSize { get; init; } = TileGrid.DefaultTileSize;

    /// <summary>Tile overlap in pixels.</summary>
    public int Overlap { get; init; } = TileGrid.DefaultOverlap;

    /// <summary>CRS for a raster that has a geotransform but no CRS (never overrides one it has).</summary>
    public string? AssumeCrs { get; init; }

    /// <summary>Identify the raster in the cache by a SHA-256 of its content rather than path, size and time.</summary>
    public bool HashContent { get; init; }
}

/// <summary>
/// An open, georeferenced raster ready for segmentation: band selection and stretch fixed for the whole
/// raster, the tile grid, and its identity for the embedding cache. Not thread-safe. Dispose it.
/// </summary>
public sealed class RasterSource : IDisposable
{
    private readonly RgbWindowReader _reader;

    private RasterSource(GeoRaster raster, BandSelection bands, RasterStretch stretch, TileGrid grid, RasterIdentity identity)
    {
        Raster = raster;
        Bands = bands;
        Stretch = stretch;
        Grid = grid;
        Identity = identity;
        _reader = new RgbWindowReader(raster, stretch);
    }

    /// <summary>Opens and checks a raster.</summary>
    /// <exception cref="SamGeoInputException">Missing file, not a raster, no georeference, bad bands or stretch.</exception>
    public static RasterSource Open(string path, RasterSourceOptions? options = null)
    {
        options ??= new RasterSourceOptions();
        var raster = GeoRaster.Open(path);
        try
        {
            raster.RequireGeoreference(options.AssumeCrs);
            var bands = BandSelection.Parse(raster, options.Bands);
            var stretch = RasterStretch.Compute(raster, bands, options.Stretch);
            var grid = new TileGrid(raster.Width, raster.Height, options.TileSize, options.Overlap);
            return new RasterSource(raster, bands, stretch, grid, RasterIdentity.Of(path, options.HashContent));
        }
        catch
        {
            raster.Dispose();
            throw;
        }
    }

    /// <summary>The raster.</summary>
    public GeoRaster Raster { get; }

    /// <summary>The bands feeding R, G, B.</summary>
    public BandSelection Bands { get; }

    /// <summary>The raster-wide stretch.</summary>
    public RasterStretch Stretch { get; }

    /// <summary>The tile grid.</summary>
    public TileGrid Grid { get; }

    /// <summary>What identifies the raster in the embedding cache.</summary>
    public RasterIdentity Identity { get; }

    /// <summary>The raster's CRS.</summary>
    public SpatialReference Crs => Raster.Crs!;

    /// <summary>The raster's geotransform.</summary>
    public GeoTransform GeoTransform => Raster.GeoTransform;

    /// <summary>Reads a window as 8-bit RGB with its valid-data mask, at the window's output size.</summary>
    public WindowImage Read(ScaledWindow window)
    {
        int w = window.OutputWidth, h = window.OutputHeight;
        var rgb = new byte[3 * w * h];
        var valid = new byte[w * h];
        int count = _reader.Read(window.Source, w, h, rgb, valid);
        return new WindowImage(window, rgb, valid, count);
    }

    /// <summary>Reads only the valid-data mask of a window at its output size (1 valid, 0 not).</summary>
    public byte[] ReadValidMask(ScaledWindow window)
    {
        var valid = new byte[window.OutputWidth * window.OutputHeight];
        Raster.ReadValidMask(Bands.AsSpan(), window.Source, valid, window.OutputWidth, window.OutputHeight);
        return valid;
    }

    /// <inheritdoc />
    public void Dispose() => Raster.Dispose();
}

/// <summary>A window read as interleaved 8-bit RGB plus its valid-data mask, at the window's output size.</summary>
public sealed record WindowImage(ScaledWindow Window, byte[] Rgb, byte[] Valid, int ValidCount)
{
    /// <summary>Width in pixels.</summary>
    public int Width => Window.OutputWidth;

    /// <summary>Height in pixels.</summary>
    public int Height => Window.OutputHeight;
}
