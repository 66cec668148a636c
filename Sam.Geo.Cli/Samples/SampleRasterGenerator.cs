namespace Sam.Geo.Cli.Samples;

/// <summary>
/// Writes the project's sample rasters (see <c>sample-rasters/README.md</c>), each with its ground truth.
/// Deterministic: the same code gives the same pixels and truth.
/// </summary>
public static class SampleRasterGenerator
{
    /// <summary>The file names written by <see cref="WriteAll"/>.</summary>
    public static IReadOnlyList<string> RasterFiles { get; } =
        [RgbUtmScene.FileName, SmallScenes.MultispectralFile, SmallScenes.RotatedFile, SmallScenes.Wgs84File];

    /// <summary>
    /// Writes every sample raster and its <c>.truth.geojson</c> into <paramref name="directory"/> (created
    /// when missing; existing samples are replaced). Returns what was written, in <see cref="RasterFiles"/> order.
    /// </summary>
    public static IReadOnlyList<SampleRaster> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        string At(string name) => Path.Combine(directory, name);
        return
        [
            SceneWriter.Write(RgbUtmScene.Build(), At(RgbUtmScene.FileName), RgbUtmScene.Georeference, RasterFormat.Rgb8),
            SceneWriter.Write(SmallScenes.Multispectral(), At(SmallScenes.MultispectralFile), SmallScenes.MultispectralGeoreference, RasterFormat.Bgrn16),
            SceneWriter.Write(SmallScenes.RotatedScene(), At(SmallScenes.RotatedFile), SmallScenes.RotatedGeoreference, RasterFormat.Rgb8),
            SceneWriter.Write(SmallScenes.Wgs84Scene(), At(SmallScenes.Wgs84File), SmallScenes.Wgs84Georeference, RasterFormat.Rgb8),
        ];
    }
}
