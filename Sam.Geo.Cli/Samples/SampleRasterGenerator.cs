namespace Sam.Geo.Cli.Samples;

/// <summary>One sample raster: its file name and how it is built, placed and stored.</summary>
/// <param name="FileName">File name in the samples folder (the truth file is named after it).</param>
/// <param name="Build">Builds the scene (deterministic: every call gives the same scene).</param>
/// <param name="Georeference">Geotransform and CRS.</param>
/// <param name="Format">Pixel type, band meanings, nodata.</param>
public sealed record SampleDefinition(string FileName, Func<SceneBuilder> Build, SceneGeoreference Georeference, RasterFormat Format);

/// <summary>
/// Writes the project's sample rasters (see <c>sample-rasters/README.md</c>), each with its ground truth.
/// Deterministic: the same code gives the same pixels and truth.
/// </summary>
public static class SampleRasterGenerator
{
    /// <summary>The samples, in the order <see cref="WriteAll"/> writes them.</summary>
    public static IReadOnlyList<SampleDefinition> Definitions { get; } =
    [
        new(RgbUtmScene.FileName, RgbUtmScene.Build, RgbUtmScene.Georeference, RasterFormat.Rgb8),
        new(SmallScenes.MultispectralFile, SmallScenes.Multispectral, SmallScenes.MultispectralGeoreference, RasterFormat.Bgrn16),
        new(SmallScenes.RotatedFile, SmallScenes.RotatedScene, SmallScenes.RotatedGeoreference, RasterFormat.Rgb8),
        new(SmallScenes.Wgs84File, SmallScenes.Wgs84Scene, SmallScenes.Wgs84Georeference, RasterFormat.Rgb8),
    ];

    /// <summary>
    /// Writes every sample raster and its <c>.truth.geojson</c> into <paramref name="directory"/> (created
    /// when missing; existing samples are replaced). Returns what was written, in <see cref="Definitions"/> order.
    /// </summary>
    public static IReadOnlyList<SampleRaster> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        return Definitions
            .Select(d => SceneWriter.Write(d.Build(), Path.Combine(directory, d.FileName), d.Georeference, d.Format))
            .ToList();
    }
}
