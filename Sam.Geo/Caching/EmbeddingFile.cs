using System.Globalization;
using Sam.Geo.Interop;
using Sam.Geo.Raster;

namespace Sam.Geo.Caching;

/// <summary>
/// Reads and writes one cache entry: a GeoTIFF of 256 Float32 bands of 64×64 cells, georeferenced by the
/// cell grid, with the <see cref="EmbeddingRecord"/> as metadata items in the <see cref="Domain"/> domain.
/// See CACHE-LAYOUT.md.
/// </summary>
internal static class EmbeddingFile
{
    internal const string Domain = "SAMGEO";

    internal const string FormatVersionItem = "FORMAT_VERSION", KeySha256Item = "KEY_SHA256",
        RasterPathItem = "RASTER_PATH", RasterSizeItem = "RASTER_SIZE_BYTES", RasterTimeItem = "RASTER_LAST_WRITE_UTC",
        RasterShaItem = "RASTER_SHA256", WindowItem = "WINDOW", BandsItem = "BANDS", StretchItem = "STRETCH",
        ModelItem = "MODEL_SHA256", OriginalSizeItem = "ORIGINAL_SIZE", ResizedSizeItem = "RESIZED_SIZE",
        WindowTransformItem = "WINDOW_GEOTRANSFORM", CrsItem = "CRS_WKT";

    /// <summary>
    /// GeoTIFF creation options. Uncompressed: on embedding floats DEFLATE saved about 10 % of the
    /// size (about 20 % with the floating-point predictor) for several times the write and read time; the
    /// measurements are in CACHE-LAYOUT.md.
    /// </summary>
    internal static readonly string[] DefaultCreationOptions = ["INTERLEAVE=BAND", "COMPRESS=NONE"];

    private static readonly PixelWindow Grid = new(0, 0, EmbeddingLayout.GridSize, EmbeddingLayout.GridSize);
    private const int CellsPerBand = EmbeddingLayout.GridSize * EmbeddingLayout.GridSize;

    /// <summary>Writes the entry to <paramref name="path"/> (a new file) and closes it.</summary>
    /// <exception cref="GdalException">GDAL could not create, write or close the file.</exception>
    internal static void Write(string path, EmbeddingRecord record, ReadOnlySpan<float> data, IEnumerable<string>? creationOptions = null)
    {
        using var crs = record.CrsWkt is { } wkt ? SpatialReference.Parse(wkt) : null;
        var raster = GeoRaster.Create(path, EmbeddingLayout.GridSize, EmbeddingLayout.GridSize, EmbeddingLayout.Channels,
            RasterDataType.Float32, record.CellGeoTransform, crs, creationOptions ?? DefaultCreationOptions);
        try
        {
            foreach (var (name, value) in Items(record)) raster.SetMetadataItem(name, value, Domain);
            for (int band = 0; band < EmbeddingLayout.Channels; band++)
                raster.Write(band + 1, Grid, data.Slice(band * CellsPerBand, CellsPerBand));
        }
        finally
        {
            raster.Close(); // writes the remaining blocks and the directory; throws if that fails
        }
    }

    /// <summary>
    /// Reads the entry at <paramref name="path"/> into <paramref name="destination"/> (at least
    /// <see cref="EmbeddingLayout.Length"/> floats) and returns its record.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a readable cache entry.</exception>
    internal static EmbeddingRecord Read(string path, Span<float> destination)
    {
        try
        {
            using var raster = GeoRaster.Open(path);
            if (raster.Width != EmbeddingLayout.GridSize || raster.Height != EmbeddingLayout.GridSize
                || raster.BandCount != EmbeddingLayout.Channels || raster.Bands[0].DataType != RasterDataType.Float32)
                throw new InvalidDataException($"{raster.Width}x{raster.Height}x{raster.BandCount} {raster.Bands[0].DataType} is not 64x64x256 Float32");
            var record = ParseRecord(name => raster.GetMetadataItem(name, Domain));
            for (int band = 0; band < EmbeddingLayout.Channels; band++)
                raster.Read(band + 1, Grid, destination.Slice(band * CellsPerBand, CellsPerBand));
            return record;
        }
        catch (Exception e) when (e is SamGeoInputException or GdalException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private static IEnumerable<(string Name, string Value)> Items(EmbeddingRecord r)
    {
        var k = r.Key;
        yield return (FormatVersionItem, r.FormatVersion.ToString(CultureInfo.InvariantCulture));
        yield return (KeySha256Item, k.Hash);
        yield return (RasterPathItem, k.Raster.FullPath);
        yield return (RasterSizeItem, k.Raster.SizeBytes.ToString(CultureInfo.InvariantCulture));
        yield return (RasterTimeItem, k.Raster.LastWriteUtc.ToString("O", CultureInfo.InvariantCulture));
        if (k.Raster.ContentSha256 is { } sha) yield return (RasterShaItem, sha);
        yield return (WindowItem, EmbeddingKey.FormatWindow(k.Window));
        yield return (BandsItem, k.Bands);
        yield return (StretchItem, k.Stretch);
        yield return (ModelItem, k.Model.Sha256);
        yield return (OriginalSizeItem, EmbeddingKey.FormatSize(r.OriginalWidth, r.OriginalHeight));
        yield return (ResizedSizeItem, EmbeddingKey.FormatSize(r.ResizedWidth, r.ResizedHeight));
        yield return (WindowTransformItem, string.Join(',', r.WindowGeoTransform.ToArray().Select(c => c.ToString("R", CultureInfo.InvariantCulture))));
        if (r.CrsWkt is { } wkt) yield return (CrsItem, wkt);
    }

    private static EmbeddingRecord ParseRecord(Func<string, string?> item)
    {
        string Required(string name) => item(name) ?? throw new InvalidDataException($"metadata item {Domain}/{name} is missing");
        int version = int.Parse(Required(FormatVersionItem), CultureInfo.InvariantCulture);
        if (version != EmbeddingKey.FormatVersion) throw new InvalidDataException($"format version {version}, expected {EmbeddingKey.FormatVersion}");
        var raster = new RasterIdentity(Required(RasterPathItem), long.Parse(Required(RasterSizeItem), CultureInfo.InvariantCulture),
            DateTime.Parse(Required(RasterTimeItem), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), item(RasterShaItem));
        int[] w = Ints(Required(WindowItem), 4), original = Ints(Required(OriginalSizeItem), 2), resized = Ints(Required(ResizedSizeItem), 2);
        double[] gt = Required(WindowTransformItem).Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        if (gt.Length != 6) throw new InvalidDataException($"{WindowTransformItem} has {gt.Length} coefficients, expected 6");
        var key = new EmbeddingKey(raster, new PixelWindow(w[0], w[1], w[2], w[3]), original[0], original[1],
            Required(BandsItem), item(StretchItem) ?? "", new ModelIdentity(Required(ModelItem)));
        return new EmbeddingRecord(key, GeoTransform.FromArray(gt), item(CrsItem), resized[0], resized[1], version);
    }

    private static int[] Ints(string text, int count)
    {
        int[] values = text.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return values.Length == count ? values : throw new InvalidDataException($"'{text}' does not have {count} integers");
    }
}
