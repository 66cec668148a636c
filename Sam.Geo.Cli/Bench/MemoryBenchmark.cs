using System.Globalization;
using Spectre.Console;

namespace Sam.Geo.Cli.Bench;

/// <summary>
/// The <c>memory</c> suite: peak resident memory of <c>samgeo encode</c> (a child process per raster, fresh
/// cache each time) on generated rasters of growing size. Streaming tiles should keep it flat.
/// </summary>
internal static class MemoryBenchmark
{
    /// <summary>Raster sides in pixels.</summary>
    public static readonly int[] DefaultSizes = [2000, 5000, 10000];

    /// <summary>Runs the suite.</summary>
    /// <param name="console">Where the table goes.</param>
    /// <param name="modelDirectory">The model <c>samgeo encode</c> runs (the stand-in by default).</param>
    /// <param name="workDirectory">Scratch folder for rasters and caches (deleted afterwards).</param>
    /// <param name="sizes">Raster sides in pixels, smallest first (ratios are to the first).</param>
    /// <param name="gdalCacheMegabytes">Extra runs with GDAL_CACHEMAX set to this many MB, or null for none.</param>
    public static void Run(IAnsiConsole console, string modelDirectory, string workDirectory, IReadOnlyList<int>? sizes = null,
        int? gdalCacheMegabytes = 64)
    {
        sizes ??= DefaultSizes;
        Directory.CreateDirectory(workDirectory);
        try
        {
            console.MarkupLineInterpolated($"[bold]memory[/]: peak RSS of samgeo encode ({string.Join(' ', ChildRun.Samgeo)}), model {modelDirectory}, measured by {ChildRun.Method}");
            var rows = new List<(int Size, Measurement Default, Measurement? Capped)>();
            foreach (int size in sizes)
            {
                string raster = InferenceRasters.WriteTexturedGeoTiff(Path.Combine(workDirectory, $"r{size}.tif"), size);
                var plain = Measure(raster, modelDirectory, workDirectory, null);
                var capped = gdalCacheMegabytes is int mb ? Measure(raster, modelDirectory, workDirectory, mb) : null;
                rows.Add((size, plain, capped));
                File.Delete(raster);
            }

            var table = new Table().AddColumns("raster", "tiles", "time", "peak RSS", "ratio to first");
            if (gdalCacheMegabytes is not null) table.AddColumns($"peak RSS, GDAL_CACHEMAX={gdalCacheMegabytes}", "ratio");
            foreach (var (size, plain, capped) in rows)
            {
                var cells = new List<string>
                {
                    $"{size}x{size}", plain.Tiles, $"{plain.Seconds:0.0} s", $"{plain.PeakMegabytes:#,0} MB", $"{plain.PeakMegabytes / rows[0].Default.PeakMegabytes:0.00}",
                };
                if (capped is not null) cells.AddRange([$"{capped.PeakMegabytes:#,0} MB", $"{capped.PeakMegabytes / rows[0].Capped!.PeakMegabytes:0.00}"]);
                table.AddRow(cells.Select(Markup.Escape).ToArray());
            }
            console.Write(table);
        }
        finally
        {
            try { Directory.Delete(workDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Measurement(double PeakMegabytes, double Seconds, string Tiles);

    private static Measurement Measure(string raster, string model, string workDirectory, int? gdalCacheMegabytes)
    {
        string cache = Path.Combine(workDirectory, "cache");
        if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        var environment = new Dictionary<string, string>();
        if (gdalCacheMegabytes is int mb) environment["GDAL_CACHEMAX"] = mb.ToString(CultureInfo.InvariantCulture);
        var run = ChildRun.Run(["encode", raster, "--model", model, "--cache", cache], workDirectory, environment);
        string tiles = run.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("done: ", StringComparison.Ordinal)) is { } done
            ? done["done: ".Length..].Split(' ')[0] : "?";
        Directory.Delete(cache, recursive: true);
        return new Measurement(run.PeakMegabytes, run.Seconds, tiles);
    }
}
