using Sam.Geo.Raster;

namespace Sam.Geo.Cli.Samples;

/// <summary>Writes a rendered <see cref="SceneBuilder"/> scene as a compressed, tiled GeoTIFF plus its truth GeoJSON.</summary>
public static class SceneWriter
{
    /// <summary>GeoTIFF creation options: tiled, DEFLATE with horizontal differencing (smooth textures compress well).</summary>
    public static IReadOnlyList<string> CreationOptions { get; } = ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=2", "ZLEVEL=9"];

    /// <summary>
    /// Renders <paramref name="scene"/> and writes <paramref name="rasterPath"/> and, next to it, its truth file
    /// (<see cref="TruthFile.PathFor"/>). Both are written to temporary files and renamed.
    /// </summary>
    public static SampleRaster Write(SceneBuilder scene, string rasterPath, SceneGeoreference georef, RasterFormat format)
    {
        var rendered = scene.Render(format);
        using var crs = SpatialReference.FromEpsg(georef.Epsg);
        WriteRaster(rendered, rasterPath, georef.Transform, crs, format);

        var truth = scene.VisibleShapes()
            .Select(v => new TruthObject(v.Object.Id, v.Object.Class, v.Object.Color.Select(c => (int)Math.Round(c)).ToArray(),
                v.Visible, TruthFile.ToLonLat(v.Visible, georef.Transform, crs)))
            .ToList();
        string truthPath = TruthFile.PathFor(rasterPath);
        TruthFile.Write(truthPath, truth);
        return new SampleRaster(rasterPath, truthPath, truth);
    }

    private static void WriteRaster(RenderedScene scene, string path, GeoTransform transform, SpatialReference crs, RasterFormat format)
    {
        string partial = path + ".partial";
        var options = CreationOptions.Append(format.IsRgb ? "PHOTOMETRIC=RGB" : "PHOTOMETRIC=MINISBLACK");
        using (var raster = GeoRaster.Create(partial, scene.Width, scene.Height, format.Bands.Count, format.DataType, transform, crs, options))
        {
            var window = raster.FullWindow;
            for (int b = 0; b < format.Bands.Count; b++)
            {
                if (format.DataType == RasterDataType.Byte)
                    raster.Write<byte>(b + 1, window, scene.Bands[b].Select(v => (byte)v).ToArray());
                else
                    raster.Write<ushort>(b + 1, window, scene.Bands[b]);
                raster.SetColorInterpretation(b + 1, format.Bands[b]);
                if (format.NoData is double nd) raster.SetNoData(b + 1, nd);
            }
            raster.SetMetadataItem("SAMGEO_SAMPLE", "synthetic scene from Sam.Geo's sample generator; truth in " + Path.GetFileName(TruthFile.PathFor(path)));
        }
        File.Move(partial, path, overwrite: true);
    }
}
