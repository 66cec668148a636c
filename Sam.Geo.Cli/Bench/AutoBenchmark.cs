using System.Diagnostics;
using System.Globalization;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Sam.Geo.Pipeline.Auto;
using Sam.Geo.Tiling;
using Spectre.Console;

namespace Sam.Geo.Cli.Bench;

/// <summary>
/// The <c>auto</c> suite. First, time per tile in each stage of <c>samgeo auto</c> (in this process, 16 clicks per
/// side: a quarter of SAM's default, so that it takes minutes on two cores) on a generated raster, and the share of the total spent outside the model. Then the peak
/// resident memory of a child <c>samgeo auto</c> on generated rasters of growing size, with few clicks per tile
/// so that the largest finishes in minutes: out-of-core merging should keep it flat.
/// </summary>
internal static class AutoBenchmark
{
    /// <summary>Raster sides in pixels for the memory runs.</summary>
    public static readonly int[] DefaultSizes = [5000, 10000, 20000];

    /// <summary>Side of the raster of the stage table; a smaller first size replaces it.</summary>
    public const int StageRasterSize = 3000;

    /// <summary>Clicks per tile side of the stage table (decoding time is proportional to their square).</summary>
    public const int StagePointsPerSide = 16;

    /// <summary>Clicks per tile side of the memory runs.</summary>
    public const int MemoryPointsPerSide = 2;

    private static readonly Stage[] Stages = [Stage.Read, Stage.Encode, Stage.CacheIo, Stage.Decode, Stage.PostProcess, Stage.SeamMerge, Stage.Vectorize, Stage.Write];

    /// <summary>Runs the suite.</summary>
    /// <param name="console">Where the tables go.</param>
    /// <param name="modelDirectory">The model (the stand-in by default).</param>
    /// <param name="workDirectory">Scratch folder (deleted afterwards).</param>
    /// <param name="sizes">Raster sides of the memory runs, smallest first (ratios are to the first).</param>
    public static void Run(IAnsiConsole console, string modelDirectory, string workDirectory, IReadOnlyList<int>? sizes = null)
    {
        sizes ??= DefaultSizes;
        Directory.CreateDirectory(workDirectory);
        try
        {
            StageTimes(console, modelDirectory, workDirectory, Math.Min(StageRasterSize, sizes[0]));
            Memory(console, modelDirectory, workDirectory, sizes);
        }
        finally
        {
            try { Directory.Delete(workDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private static void StageTimes(IAnsiConsole console, string modelDirectory, string workDirectory, int size)
    {
        string raster = InferenceRasters.WriteTexturedGeoTiff(Path.Combine(workDirectory, "stages.tif"), size);
        using var source = RasterSource.Open(raster);
        using var model = SamModel.Load(modelDirectory);
        var options = new AutoSegmentationOptions { ModelName = model.Name, PointsPerSide = StagePointsPerSide };
        var segmenter = new AutoSegmenter(model, null, options);
        var clock = Stopwatch.StartNew();
        var result = segmenter.Run(source, new AutoOutput(Path.Combine(workDirectory, "stages.gpkg")));
        clock.Stop();
        File.Delete(raster);

        double total = clock.Elapsed.TotalMilliseconds, tiles = result.TileCount - result.TilesSkipped;
        console.MarkupLineInterpolated($"[bold]auto[/], stages: {size}x{size} px, {result.TileCount} tiles of {source.Grid.TileSize} px (overlap {source.Grid.Overlap}), {options.PointsPerSide}² clicks per tile, model {model.Name}, {result.Pieces} pieces, {result.Features} features, {Environment.ProcessorCount} cores");
        var table = new Table().AddColumns("stage", "per tile ms", "total ms", "share of total");
        double inModel = 0, measured = 0;
        foreach (var stage in Stages)
        {
            double ms = result.Timer[stage].TotalMilliseconds;
            measured += ms;
            if (stage is Stage.Encode or Stage.Decode) inModel += ms;
            table.AddRow(stage.ToString(), F(ms / tiles), F(ms), $"{ms / total:P1}");
        }
        table.AddRow("other", F((total - measured) / tiles), F(total - measured), $"{(total - measured) / total:P1}");
        table.AddRow("total", F(total / tiles), F(total), "100 %");
        console.Write(table);
        console.MarkupLineInterpolated($"outside the model (all but Encode and Decode): {(total - inModel) / total:P1} of the total");
    }

    private static void Memory(IAnsiConsole console, string modelDirectory, string workDirectory, IReadOnlyList<int> sizes)
    {
        console.MarkupLineInterpolated($"[bold]auto[/], memory: peak RSS of samgeo auto ({string.Join(' ', ChildRun.Samgeo)}) --points-per-side {MemoryPointsPerSide}, --no-cache, model {modelDirectory}, measured by {ChildRun.Method}");
        var table = new Table().AddColumns("raster", "tiles", "features", "time", "peak RSS", "ratio to first");
        double first = 0;
        foreach (int size in sizes)
        {
            string raster = InferenceRasters.WriteTexturedGeoTiff(Path.Combine(workDirectory, $"r{size}.tif"), size);
            string output = Path.Combine(workDirectory, $"r{size}.gpkg");
            var run = ChildRun.Run(["auto", raster, "--model", modelDirectory, "-o", output,
                "--points-per-side", MemoryPointsPerSide.ToString(CultureInfo.InvariantCulture), "--no-cache"], workDirectory);
            File.Delete(raster);
            File.Delete(output);
            if (first == 0) first = run.PeakMegabytes;
            int tiles = new TileGrid(size, size).Count;
            table.AddRow($"{size}x{size}", $"{tiles}", Features(run.Stdout), $"{run.Seconds:0.0} s", $"{run.PeakMegabytes:#,0} MB", $"{run.PeakMegabytes / first:0.00}");
        }
        console.Write(table);
    }

    /// <summary>N from the "wrote N objects ..." line of <c>samgeo auto</c>.</summary>
    private static string Features(string stdout) =>
        stdout.Split('\n').FirstOrDefault(l => l.StartsWith("wrote ", StringComparison.Ordinal))?.Split(' ')[1] ?? "?";

    private static string F(double ms) => ms.ToString("#,0.0", CultureInfo.InvariantCulture);
}
