using Sam.Geo.Caching;
using Sam.Geo.Cli.Commands;
using Sam.Geo.Export;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Cli.Serve;

/// <summary>What one <c>POST /segment</c> produced.</summary>
/// <param name="GeoJson">The FeatureCollection as <c>samgeo segment -o x.geojson</c> writes it (UTF-8).</param>
/// <param name="Objects">The segmented objects, with the window each was decoded in and whether its embedding came from the cache.</param>
/// <param name="Warnings">One-line warnings (skipped prompts, objects without a mask).</param>
/// <param name="Timer">Time per stage.</param>
internal sealed record SegmentationResult(byte[] GeoJson, IReadOnlyList<SegmentedObject> Objects, IReadOnlyList<string> Warnings, StageTimer Timer);

/// <summary>
/// The work behind the endpoints, over one loaded model, the embedding cache and the open rasters. Prompts
/// and output go through the same code as <c>samgeo segment --prompts FILE -o OUT.geojson</c>: the prompt
/// GeoJSON is written to a scratch file and read by <see cref="PromptFileReader"/>, and the features are
/// written by the GeoJSON sink; messages name <c>"prompts"</c> instead of the scratch file. Thread-safe:
/// requests on different rasters run in parallel, requests on one raster one after another.
/// </summary>
internal sealed class SegmentationService(SamModel model, EmbeddingCache? cache, RasterSourcePool rasters, string scratchFolder, int tileSize, int overlap)
{
    private const string PromptsName = "\"prompts\"";

    /// <summary>The model's name (the features' <c>model</c> attribute).</summary>
    public string ModelName => model.Name;

    /// <summary>The <c>samgeo info --json</c> document of a raster, with the server's tile grid.</summary>
    /// <exception cref="SamGeoInputException">Missing file or not a raster.</exception>
    public string Info(string path)
    {
        using var raster = GeoRaster.Open(path);
        return InfoCommand.ToJson(RasterDescription.Of(raster), new TileGrid(raster.Width, raster.Height, tileSize, overlap));
    }

    /// <summary>Segments the request's prompts on its raster.</summary>
    /// <exception cref="SamGeoInputException">A mistake in the request: raster, prompts, CRS, an option.</exception>
    /// <exception cref="OperationCanceledException">The request was aborted or the server is stopping.</exception>
    public async Task<SegmentationResult> SegmentAsync(SegmentRequest request, CancellationToken cancellation)
    {
        string scratch = Directory.CreateDirectory(Path.Combine(scratchFolder, Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var prompts = ReadPrompts(request.PromptsJson, scratch);
            using var promptCrs = request.PromptCrs is null ? null : SpatialReference.Parse(request.PromptCrs);
            using var outCrs = request.OutCrs is null ? null : SpatialReference.Parse(request.OutCrs);
            using var lease = await rasters.AcquireAsync(request.Raster, cancellation).ConfigureAwait(false);
            var source = lease.Source;

            string output = Path.Combine(scratch, "segments.geojson");
            using var sink = FeatureSinks.Create(output, SegmentationSchema.Fields, source.Crs,
                new FeatureSinkOptions { TargetCrs = outCrs, LayerName = Path.GetFileNameWithoutExtension(request.Raster) });
            var pipeline = new SegmentationPipeline(model, cache, request.Options with { ModelName = model.Name });
            var warnings = new List<string>();
            var objects = pipeline.Segment(source, [new PromptSet(prompts.Objects, promptCrs ?? prompts.Crs)], w => warnings.Add(ForHttp(w)), cancellation);
            foreach (var o in objects) sink.Write(o.Feature);
            sink.Commit();
            return new SegmentationResult(await File.ReadAllBytesAsync(output, cancellation).ConfigureAwait(false), objects, warnings, pipeline.Timer);
        }
        catch (SamGeoInputException e)
        {
            throw new SamGeoInputException(ForHttp(e.Message.Replace(scratch + Path.DirectorySeparatorChar + "prompts.geojson", PromptsName)), e);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static PromptFile ReadPrompts(string geoJson, string scratch)
    {
        string path = Path.Combine(scratch, "prompts.geojson");
        File.WriteAllText(path, geoJson);
        return PromptFileReader.Read(path);
    }

    /// <summary>Says the request's field where the library's message names the command-line option.</summary>
    private static string ForHttp(string message) => message.Replace("use --skip-outside", "set \"skip_outside\": true", StringComparison.Ordinal);
}
