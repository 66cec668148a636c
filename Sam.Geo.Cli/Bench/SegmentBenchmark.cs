using System.Diagnostics;
using NetTopologySuite.Features;
using Sam.Geo.Caching;
using Sam.Geo.Export;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Sam.Geo.Prompts;
using Spectre.Console;

namespace Sam.Geo.Cli.Bench;

/// <summary>
/// The <c>segment</c> suite: one box prompt on a cached embedding of the sample raster, repeated; median time
/// per stage (projection, cache read, decode, post-processing, vectorize, write) and each stage's share of the
/// whole, all from the same run.
/// </summary>
internal static class SegmentBenchmark
{
    public static void Run(IAnsiConsole console, string modelDirectory, string workDirectory, int iterations)
    {
        Directory.CreateDirectory(workDirectory);
        try
        {
            string raster = Commands.BenchCommand.RepositoryPath(Path.Combine("sample-rasters", "rgb-utm.tif"));
            using var source = RasterSource.Open(raster);
            using var model = SamModel.Load(modelDirectory);
            var cache = new EmbeddingCache(Path.Combine(workDirectory, "cache"));
            // a white building (lon 9.005441, lat 45.002971) as a UTM box, in tile r0c2
            var prompt = new PromptObject("b", [new PromptPoint(500432, 4983282, true)], new PromptBox(500410, 4983262, 500455, 4983300));
            new SegmentationPipeline(model, cache).Segment(source, [prompt], null); // warm-up: encode and cache

            var stages = new[] { Stage.Projection, Stage.CacheIo, Stage.Decode, Stage.PostProcess, Stage.Vectorize, Stage.Write };
            var samples = stages.ToDictionary(s => s, _ => new List<double>());
            var totals = new List<double>();
            for (int i = 0; i < iterations; i++)
            {
                var pipeline = new SegmentationPipeline(model, cache);
                var clock = Stopwatch.StartNew();
                var results = pipeline.Segment(source, [prompt], null);
                using (pipeline.Timer.Measure(Stage.Write)) WriteGeoJson(Path.Combine(workDirectory, $"out{i}.geojson"), results, source);
                clock.Stop();
                totals.Add(clock.Elapsed.TotalMilliseconds);
                foreach (var s in stages) samples[s].Add(pipeline.Timer[s].TotalMilliseconds);
            }

            console.MarkupLineInterpolated($"[bold]segment[/]: one prompt on a cached embedding, model {model.Name}, {iterations} runs, {Environment.ProcessorCount} cores");
            var table = new Table().AddColumns("stage", "median ms", "p95 ms", "share of total");
            double total = Median(totals);
            foreach (var s in stages)
                table.AddRow(s.ToString(), $"{Median(samples[s]):0.0}", $"{BenchTimer.Percentile(samples[s], 95):0.0}", $"{Median(samples[s]) / total:P0}");
            table.AddRow("total", $"{total:0.0}", $"{BenchTimer.Percentile(totals, 95):0.0}", "100 %");
            console.Write(table);
        }
        finally
        {
            try { Directory.Delete(workDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private static void WriteGeoJson(string path, IReadOnlyList<SegmentedObject> results, RasterSource source)
    {
        using var sink = FeatureSinks.Create(path, SegmentationSchema.Fields, source.Crs);
        foreach (var r in results) sink.Write(r.Feature);
        sink.Commit();
    }

    private static double Median(List<double> values) => BenchTimer.Percentile(values, 50);
}
