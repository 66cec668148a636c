using System.Diagnostics;
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
            var samgeo = SamgeoCommandLine();
            console.MarkupLineInterpolated($"[bold]memory[/]: peak RSS of samgeo encode ({Markup.Escape(string.Join(' ', samgeo))}), model {modelDirectory}, measured by {(File.Exists(TimeTool) ? "/usr/bin/time -f %M" : "sampling VmHWM")}");
            var rows = new List<(int Size, Measurement Default, Measurement? Capped)>();
            foreach (int size in sizes)
            {
                string raster = InferenceRasters.WriteTexturedGeoTiff(Path.Combine(workDirectory, $"r{size}.tif"), size);
                var plain = Measure(samgeo, raster, modelDirectory, workDirectory, null);
                var capped = gdalCacheMegabytes is int mb ? Measure(samgeo, raster, modelDirectory, workDirectory, mb) : null;
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

    private const string TimeTool = "/usr/bin/time";

    private sealed record Measurement(double PeakMegabytes, double Seconds, string Tiles);

    private static Measurement Measure(string[] samgeo, string raster, string model, string workDirectory, int? gdalCacheMegabytes)
    {
        string cache = Path.Combine(workDirectory, "cache");
        if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        string peakFile = Path.Combine(workDirectory, "peak.txt");
        bool useTime = File.Exists(TimeTool);
        var args = new List<string>();
        if (useTime) args.AddRange(["-f", "%M", "-o", peakFile]);
        args.AddRange(samgeo);
        args.AddRange(["encode", raster, "--model", model, "--cache", cache]);
        var start = new ProcessStartInfo(useTime ? TimeTool : args[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in useTime ? args : args.Skip(1)) start.ArgumentList.Add(a);
        if (gdalCacheMegabytes is int mb) start.Environment["GDAL_CACHEMAX"] = mb.ToString(CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long sampledKb = 0;
        while (!process.WaitForExit(50))
            if (!useTime) sampledKb = Math.Max(sampledKb, ReadVmHwmKb(process.Id));
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"samgeo encode failed ({process.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}");
        long peakKb = useTime ? long.Parse(File.ReadAllText(peakFile).Trim().Split('\n')[^1], CultureInfo.InvariantCulture) : sampledKb;
        string tiles = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith("done: ", StringComparison.Ordinal)) is { } done
            ? done["done: ".Length..].Split(' ')[0] : "?";
        Directory.Delete(cache, recursive: true);
        return new Measurement(peakKb / 1024.0, clock.Elapsed.TotalSeconds, tiles);
    }

    /// <summary>The peak resident set (VmHWM) of a live process in kB, or 0 once it is gone.</summary>
    private static long ReadVmHwmKb(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>How to start this samgeo: its apphost when there is one, else <c>dotnet samgeo.dll</c>.</summary>
    private static string[] SamgeoCommandLine()
    {
        string dll = typeof(MemoryBenchmark).Assembly.Location;
        string host = Path.Combine(Path.GetDirectoryName(dll)!, OperatingSystem.IsWindows() ? "samgeo.exe" : "samgeo");
        return File.Exists(host) ? [host] : ["dotnet", dll];
    }
}
