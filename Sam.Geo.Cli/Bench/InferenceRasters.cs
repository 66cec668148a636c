using Sam.Geo.Raster;

namespace Sam.Geo.Cli.Bench;

/// <summary>Generated rasters for the inference and memory suites, written strip by strip (cheap at any size).</summary>
internal static class InferenceRasters
{
    private const int StripRows = 256;

    /// <summary>
    /// Writes a <paramref name="size"/>² px 3-band Byte GeoTIFF (tiled, DEFLATE, UTM 32N, 0.5 m) with a
    /// blocky texture, one strip of rows at a time, so the writer's memory does not grow with the size.
    /// </summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string WriteTexturedGeoTiff(string path, int size)
    {
        using var crs = SpatialReference.FromEpsg(32632);
        using var raster = GeoRaster.Create(path, size, size, 3, RasterDataType.Byte,
            new GeoTransform(500000, 0.5, 0, 4982950, 0, -0.5), crs,
            ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "ZLEVEL=1", "BIGTIFF=IF_SAFER"]);
        var strip = new byte[size * StripRows];
        for (int row = 0; row < size; row += StripRows)
        {
            int rows = Math.Min(StripRows, size - row);
            for (int band = 1; band <= 3; band++)
            {
                for (int y = 0; y < rows; y++)
                    for (int x = 0; x < size; x++)
                        strip[y * size + x] = Pixel(x, row + y, band);
                raster.Write<byte>(band, new PixelWindow(0, row, size, rows), strip.AsSpan(0, size * rows));
            }
        }
        return path;
    }

    // fields of 40-90 px with a gentle gradient: compresses well, never constant, never nodata
    private static byte Pixel(int x, int y, int band) =>
        (byte)(40 + ((x / 61 * 37 + y / 47 * 53 + band * 71) % 160) + (x + y) % 16);
}
