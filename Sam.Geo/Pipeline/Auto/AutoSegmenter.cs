using System.Security.Cryptography;
using System.Text;
using Sam.Geo.Caching;
using Sam.Geo.Export;
using Sam.Geo.Inference;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>Where an automatic run writes.</summary>
/// <param name="Path">.geojson, .shp, .gpkg (polygons) or .tif (a UInt32 instance-id mask on the raster's grid).</param>
public sealed record AutoOutput(string Path)
{
    /// <summary>Replace an existing output.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Continue from the journal of an interrupted run instead of starting afresh.</summary>
    public bool Resume { get; init; }

    /// <summary>CRS of a GeoJSON output (default WGS 84); borrowed.</summary>
    public SpatialReference? TargetCrs { get; init; }

    /// <summary>The work folder (labels and journal); default <see cref="AutoSegmenter.WorkDirectoryFor"/>.</summary>
    public string? WorkDirectory { get; init; }
}

/// <summary>Progress of a run, reported after each tile and each written strip.</summary>
/// <param name="TilesDone">Tiles finished, resumed ones included.</param>
/// <param name="TileCount">Tiles in the grid.</param>
/// <param name="MasksFound">Pieces found so far (one per mask and tile).</param>
/// <param name="RowsWritten">Rows of the label raster turned into output so far (0 until the tiles are done).</param>
/// <param name="RowCount">Rows of the label raster.</param>
public readonly record struct AutoProgress(int TilesDone, int TileCount, int MasksFound, int RowsWritten, int RowCount);

/// <summary>What a run did.</summary>
/// <param name="TileCount">Tiles in the grid.</param>
/// <param name="TilesResumed">Tiles taken from the journal of an earlier run.</param>
/// <param name="TilesSkipped">Tiles without valid data.</param>
/// <param name="Pieces">Pieces over all tiles.</param>
/// <param name="Features">Objects written (features, or ids in the mask).</param>
/// <param name="Timer">Time per stage in this session.</param>
public sealed record AutoResult(int TileCount, int TilesResumed, int TilesSkipped, int Pieces, long Features, StageTimer Timer);

/// <summary>
/// Automatic segmentation of a whole raster, the library form of <c>samgeo auto</c>. Tiles are segmented one
/// by one, row-major (<see cref="AutoMaskGenerator"/>); each writes its pieces into its core on a temporary label
/// raster in a work folder, and into pixels of its neighbours' cores that nobody claimed yet (so an object only
/// one of two neighbours finds is not cut at their core boundary); pieces that continue across a seam are joined
/// with the pieces already under the tile (<see cref="SeamMatcher"/>, union-find). The label raster is then streamed in strips into one feature per
/// object. Memory stays flat in the raster size; a cancelled run leaves no output but keeps its work folder, and
/// <see cref="AutoOutput.Resume"/> continues it. Not thread-safe; the model and cache may be shared.
/// </summary>
public sealed class AutoSegmenter
{
    private readonly SamModel _model;
    private readonly EmbeddingProvider _embeddings;
    private readonly AutoSegmentationOptions _options;

    /// <summary>A segmenter over a loaded model and an optional embedding cache.</summary>
    /// <exception cref="SamGeoInputException">An option out of range.</exception>
    public AutoSegmenter(SamModel model, EmbeddingCache? cache, AutoSegmentationOptions? options = null)
    {
        _model = model;
        _embeddings = new EmbeddingProvider(model.Encoder, cache);
        _options = options ?? new AutoSegmentationOptions();
        _options.Validate();
    }

    /// <summary>The default work folder of an output: <c>OUTPUT.samgeo-work</c> next to it.</summary>
    public static string WorkDirectoryFor(string outputPath) => Path.GetFullPath(outputPath) + ".samgeo-work";

    /// <summary>Segments <paramref name="source"/> (its band selection, stretch, tile size and overlap) into <paramref name="output"/>.</summary>
    /// <exception cref="SamGeoInputException">Bad output path, existing output, extent outside the raster, nothing to resume.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked between tiles and point batches.</exception>
    public AutoResult Run(RasterSource source, AutoOutput output, Action<AutoProgress>? progress = null, CancellationToken cancellation = default)
    {
        var timer = new StageTimer();
        var area = AreaOfInterest(source);
        var grid = new TileGrid(area.Width, area.Height, source.Grid.TileSize, source.Grid.Overlap);
        var cores = new TileCores(grid);

        // Fail on the output before any work; the sink stays open (and invisible) until the end.
        var format = OutputFormats.FromPath(output.Path);
        using var sink = format == OutputFormat.GeoTiff ? null : FeatureSinks.Create(output.Path, SegmentationSchema.Fields, source.Crs,
            new FeatureSinkOptions { Overwrite = output.Overwrite, TargetCrs = output.TargetCrs });
        if (format == OutputFormat.GeoTiff) using (AtomicOutput.Begin(output.Path, output.Overwrite, OutputFormat.GeoTiff)) { }

        string work = output.WorkDirectory ?? WorkDirectoryFor(output.Path);
        string journalPath = Path.Combine(work, "journal.txt");
        string fingerprint = Fingerprint(source, area);
        if (!output.Resume && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        var store = new TileLabelStore(work, cores);
        var registry = new PieceRegistry();
        var done = new bool[grid.Count];
        int resumed = 0, skipped = 0;
        int minAreaPixels = MinAreaInPixels(source, area);
        using (var journal = output.Resume ? AutoJournal.Resume(journalPath, fingerprint) : AutoJournal.Create(journalPath, fingerprint))
        {
            foreach (var record in journal.Finished)
            {
                if (record.Tile >= grid.Count || (record.Pieces.Count > 0 && !store.Has(record.Tile)))
                    throw new SamGeoInputException($"cannot resume: the work folder {work} is damaged (run without --resume)");
                Apply(registry, record);
                done[record.Tile] = true;
                resumed++;
            }
            var tileSegmenter = new TileStep(_model.Decoder, _embeddings, _options, source, area, cores, store, timer, minAreaPixels);
            int finished = resumed;
            progress?.Invoke(new AutoProgress(finished, grid.Count, registry.Count, 0, area.Height));
            for (int t = 0; t < grid.Count; t++)
            {
                if (done[t]) continue;
                cancellation.ThrowIfCancellationRequested();
                var record = tileSegmenter.Segment(t, registry.NextId, out bool empty, cancellation);
                if (empty) skipped++;
                using (timer.Measure(Stage.Write)) journal.Append(record);
                Apply(registry, record);
                progress?.Invoke(new AutoProgress(++finished, grid.Count, registry.Count, 0, area.Height));
            }
        }

        var writer = new AutoOutputWriter(source, area, cores, store, registry, _options, timer, minAreaPixels);
        Action<int> rowsDone = rows => progress?.Invoke(new AutoProgress(grid.Count, grid.Count, registry.Count, rows, area.Height));
        long features = sink is not null
            ? writer.WriteFeatures(sink, rowsDone, cancellation)
            : writer.WriteMask(output.Path, output.Overwrite, rowsDone, cancellation);
        Directory.Delete(work, recursive: true);
        timer.Add(_embeddings.Timer);
        return new AutoResult(grid.Count, resumed, skipped, registry.Count, features, timer);
    }

    private static void Apply(PieceRegistry registry, TileRecord record)
    {
        foreach (var p in record.Pieces) registry.Add(p);
        foreach (var (a, b) in record.Unions) registry.Union(a, b);
    }

    private PixelWindow AreaOfInterest(RasterSource source)
    {
        var whole = new PixelWindow(0, 0, source.Raster.Width, source.Raster.Height);
        if (_options.Extent is not PixelWindow extent) return whole;
        var clipped = extent.Intersect(whole);
        if (clipped.IsEmpty) throw new SamGeoInputException($"the extent ({extent} in pixels) lies outside the raster {Path.GetFileName(source.Raster.Path)}");
        return clipped;
    }

    private int MinAreaInPixels(RasterSource source, PixelWindow area)
    {
        if (!_options.MinArea.IsSet) return 0;
        using var areas = new AreaCalculator(source.Crs);
        double pixelM2 = areas.PixelSquareMetres(source.GeoTransform, area.Col + area.Width / 2.0, area.Row + area.Height / 2.0);
        return (int)Math.Ceiling(_options.MinArea.ToPixels(pixelM2));
    }

    private string Fingerprint(RasterSource source, PixelWindow area)
    {
        var id = source.Identity;
        string text = $"{id.FullPath}|{id.SizeBytes}|{id.LastWriteUtc:O}|{source.Bands}|{source.Stretch.Describe()}|{area}|{source.Grid.TileSize}|{source.Grid.Overlap}|{_model.Encoder.ModelPath}|{_model.Decoder.ModelPath}|{_options.Fingerprint()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
