using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Sam.Geo.Caching;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Sam.Geo.Tiling;
using Spectre.Console;

namespace Sam.Geo.Cli.Bench;

/// <summary>
/// The <c>inference</c> suite: where the time of encoding a tile goes (reading, preprocessing, the encoder's
/// Run, cache writes; then cache reads on a rerun) and the decoder's latency for one click on a cached
/// embedding. Figures for notes, not a test: they depend on the machine and the model.
/// </summary>
internal static class InferenceBenchmark
{
    /// <summary>Runs the suite on a generated raster of <paramref name="rasterSize"/>² px in <paramref name="workDirectory"/>.</summary>
    /// <param name="console">Where the tables go.</param>
    /// <param name="modelDirectory">A SAM model directory (the stand-in by default).</param>
    /// <param name="workDirectory">Scratch folder for the raster and a fresh cache (deleted afterwards).</param>
    /// <param name="rasterSize">Side of the square raster in pixels; 2048 gives 3 × 3 tiles of 1024 px.</param>
    /// <param name="decodeRepeats">Timed decoder calls.</param>
    public static void Run(IAnsiConsole console, string modelDirectory, string workDirectory, int rasterSize = 2048, int decodeRepeats = 100)
    {
        Directory.CreateDirectory(workDirectory);
        try
        {
            string raster = InferenceRasters.WriteTexturedGeoTiff(Path.Combine(workDirectory, "bench.tif"), rasterSize);
            using var model = SamModel.Load(modelDirectory);
            using var session = OrtSessions.Create(model.Encoder.ModelPath, new SamModelOptions(), "encoder");
            using var source = RasterSource.Open(raster);
            var cache = new EmbeddingCache(Path.Combine(workDirectory, "cache"));
            var provider = new EmbeddingProvider(model.Encoder, cache);
            console.MarkupLineInterpolated(
                $"[bold]inference[/]: model {model.Name}, {rasterSize}x{rasterSize} px raster, {source.Grid.Count} tiles of {source.Grid.TileSize} px, {Environment.ProcessorCount} cores");

            var first = EncodeAll(source, model.Encoder.InputStyle, session, provider, cache);
            var second = ReadAll(source, provider, cache);
            var decode = DecodeLatency(source, provider, model.Decoder, decodeRepeats);
            Report(console, first, second, decode);
        }
        finally
        {
            try { Directory.Delete(workDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private sealed class TileTimes
    {
        public List<double> Read { get; } = [];
        public List<double> Preprocess { get; } = [];
        public List<double> Run { get; } = [];
        public List<double> CacheWrite { get; } = [];
        public List<double> CacheRead { get; } = [];
    }

    /// <summary>First pass, fresh cache: each stage of encoding a tile timed on its own.</summary>
    private static TileTimes EncodeAll(RasterSource source, EncoderInputStyle style, InferenceSession session, EmbeddingProvider provider, EmbeddingCache cache)
    {
        var times = new TileTimes();
        var resized = new byte[ModelFrame.Size * ModelFrame.Size * 3];
        var tensor = new float[SamPreprocessor.TensorLength];
        var embedding = new float[ImageEmbedding.Length];
        string input = session.InputMetadata.Keys.First(), output = session.OutputMetadata.Keys.First();
        foreach (var tile in source.Grid)
        {
            var window = Whole(tile);
            long t0 = Stopwatch.GetTimestamp();
            var image = source.Read(window);
            long t1 = Stopwatch.GetTimestamp();
            var (_, shape, count) = SamPreprocessor.ToEncoderInput(image.Rgb, image.Width, image.Height, style, resized, tensor);
            long t2 = Stopwatch.GetTimestamp();
            using (var inValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensor.AsMemory(0, count), shape))
            using (var outValue = OrtValue.CreateTensorValueFromMemory(embedding, [1, 256, 64, 64]))
            using (var runOptions = new RunOptions())
                session.Run(runOptions, [input], [inValue], [output], [outValue]);
            long t3 = Stopwatch.GetTimestamp();
            var key = provider.KeyOf(source, window);
            cache.Put(key, EmbeddingRecord.Create(key, source.GeoTransform, source.Crs.Wkt), embedding);
            long t4 = Stopwatch.GetTimestamp();
            times.Read.Add(Ms(t0, t1));
            times.Preprocess.Add(Ms(t1, t2));
            times.Run.Add(Ms(t2, t3));
            times.CacheWrite.Add(Ms(t3, t4));
        }
        return times;
    }

    /// <summary>Second pass: every tile from the cache through <see cref="EmbeddingProvider.Get"/>.</summary>
    private static TileTimes ReadAll(RasterSource source, EmbeddingProvider provider, EmbeddingCache cache)
    {
        var times = new TileTimes();
        foreach (var tile in source.Grid)
        {
            long t0 = Stopwatch.GetTimestamp();
            if (provider.Get(source, Whole(tile), out bool fromCache) is null || !fromCache)
                throw new InvalidOperationException($"tile {tile.Id} was not served from the cache ({cache.Directory})");
            times.CacheRead.Add(Ms(t0, Stopwatch.GetTimestamp()));
        }
        return times;
    }

    /// <summary>One click at the centre of the first tile, decoded repeatedly on its cached embedding.</summary>
    private static List<double> DecodeLatency(RasterSource source, EmbeddingProvider provider, SamDecoder decoder, int repeats)
    {
        var window = Whole(source.Grid[0]);
        var embedding = provider.Get(source, window, out _)!;
        var prompt = SamPrompt.Click(window.OutputWidth / 2.0, window.OutputHeight / 2.0);
        for (int i = 0; i < 3; i++) decoder.Decode(embedding, prompt); // warm-up
        var times = new List<double>(repeats);
        for (int i = 0; i < repeats; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            decoder.Decode(embedding, prompt);
            times.Add(Ms(t0, Stopwatch.GetTimestamp()));
        }
        return times;
    }

    private static void Report(IAnsiConsole console, TileTimes first, TileTimes second, List<double> decode)
    {
        var table = new Table().AddColumns("per tile (ms)", "mean", "p50", "p95");
        void Row(string name, List<double> v) => table.AddRow(name, $"{v.Average():0.0}", $"{BenchTimer.Percentile(v, 50):0.0}", $"{BenchTimer.Percentile(v, 95):0.0}");
        Row("read window (GDAL, 8-bit RGB)", first.Read);
        Row("preprocess (resize, normalise, pad)", first.Preprocess);
        Row("encoder Run", first.Run);
        Row("cache write", first.CacheWrite);
        Row("cache read (rerun)", second.CacheRead);
        Row("decoder, one click (cached embedding)", decode);
        console.Write(table);

        double run = first.Run.Average(), pre = first.Preprocess.Average(), write = first.CacheWrite.Average();
        double overhead = first.Read.Average() + pre + write;
        console.MarkupLineInterpolated(
            $"ratios, same run: (read + preprocess + cache write) / Run = {overhead / run:0.00}; preprocess / Run = {pre / run:0.00}; cache write / Run = {write / run:0.00}; cache read / (read + preprocess + Run) = {second.CacheRead.Average() / (first.Read.Average() + pre + run):0.00}");
        console.MarkupLineInterpolated(
            $"decoder latency, one click: p50 {BenchTimer.Percentile(decode, 50):0.00} ms, p95 {BenchTimer.Percentile(decode, 95):0.00} ms ({decode.Count} calls)");
    }

    private static ScaledWindow Whole(Tile tile) => new(tile.Window, tile.Window.Width, tile.Window.Height);

    private static double Ms(long start, long end) => Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
}
