using System.Globalization;
using System.Text.Json;
using Sam.Geo.Interop;
using Sam.Geo.Vectorization;
using Spectre.Console;

namespace Sam.Geo.Cli.Bench;

/// <summary>
/// <c>bench --suite vectorize</c>: our <see cref="MaskVectorizer"/> against GDAL's <c>GDALPolygonize</c> on the same
/// masks, 4-connected, both ending in NTS polygons (GDAL's time includes the MEM raster, the in-memory layer and
/// the WKB read-back, as a caller pays it), measured in the same process one after the other.
/// </summary>
internal sealed class VectorizeBenchmark : IBenchmarkSuite
{
    /// <summary>One mask's figures.</summary>
    internal sealed record Row(string Mask, int Width, int Height, int OurPolygons, int GdalPolygons, TimingStats Ours, TimingStats Gdal)
    {
        /// <summary>How many times faster ours is than GDAL (median over median).</summary>
        public double GdalOverOurs => Gdal.MedianMs / Math.Max(Ours.MedianMs, 1e-6);
    }

    public int Run(BenchOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        foreach (BenchMask mask in BenchMasks.All(options.SizeInPixels))
        {
            int ourCount = 0, gdalCount = 0;
            TimingStats ours = BenchTimer.Measure(
                () => ourCount = MaskVectorizer.Vectorize(mask.Pixels, mask.Width, mask.Height).Count,
                options.Warmup, options.Iterations, cancellationToken);
            TimingStats gdal = BenchTimer.Measure(
                () => gdalCount = GdalPolygonizer.Polygonize(mask.Pixels, mask.Width, mask.Height).Count,
                options.Warmup, options.Iterations, cancellationToken);
            rows.Add(new Row(mask.Name, mask.Width, mask.Height, ourCount, gdalCount, ours, gdal));
        }

        if (options.Json) WriteJson(console, options, rows);
        else WriteTable(console, options, rows);
        return 0;
    }

    private static void WriteTable(IAnsiConsole console, BenchOptions options, List<Row> rows)
    {
        static string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        var table = new Table()
            .Title($"MaskVectorizer vs GDALPolygonize, {rows.FirstOrDefault()?.Width}x{rows.FirstOrDefault()?.Height} px, "
                + $"{options.Iterations} runs after {options.Warmup} warm-up, ms")
            .AddColumns("mask", "polygons", "ours", "ours p95", "GDAL", "GDAL p95", "GDAL/ours");
        foreach (Row row in rows)
        {
            string polygons = row.OurPolygons == row.GdalPolygons ? $"{row.OurPolygons}" : $"{row.OurPolygons}/{row.GdalPolygons}";
            string ratio = row.GdalOverOurs.ToString("0.0", CultureInfo.InvariantCulture) + (row.GdalOverOurs >= 1 ? "x faster" : "x slower");
            table.AddRow(row.Mask, polygons, Ms(row.Ours.MedianMs), Ms(row.Ours.P95Ms), Ms(row.Gdal.MedianMs), Ms(row.Gdal.P95Ms), ratio);
        }

        table.Caption("ours/GDAL columns are medians; GDAL/ours = GDAL median / our median");
        console.Write(table);
    }

    private static void WriteJson(IAnsiConsole console, BenchOptions options, List<Row> rows)
    {
        var doc = new
        {
            suite = "vectorize",
            iterations = options.Iterations,
            warmup = options.Warmup,
            results = rows.Select(r => new
            {
                mask = r.Mask,
                width = r.Width,
                height = r.Height,
                ours = new { polygons = r.OurPolygons, medianMs = r.Ours.MedianMs, p95Ms = r.Ours.P95Ms },
                gdal = new { polygons = r.GdalPolygons, medianMs = r.Gdal.MedianMs, p95Ms = r.Gdal.P95Ms },
                gdalOverOurs = r.GdalOverOurs,
            }),
        };
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
    }
}
