using System.ComponentModel;
using Sam.Geo.Cli.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary>
/// <c>samgeo bench --suite NAME</c>: benchmarks whose figures go into notes, each with its baseline measured
/// in the same run. Not tests: timings depend on the machine. Run them in Release.
/// </summary>
internal sealed class BenchCommand(IAnsiConsole console) : Command<BenchCommand.Settings>
{
    /// <summary>The suites, by name.</summary>
    public static readonly string[] Suites = ["vectorize", "inference", "memory", "segment", "auto"];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--suite <NAME>")]
        [Description("Which benchmark: vectorize (ours vs GDALPolygonize), inference (per-tile read/preprocess/encoder/cache, decoder p50/p95), memory (peak RSS of encode as rasters grow), segment (one prompt on a cached embedding, per stage), auto (per-tile stages and peak RSS of auto).")]
        [DefaultValue("vectorize")]
        public string Suite { get; init; } = "vectorize";

        [CommandOption("-m|--model <DIR>")]
        [Description("Model for the inference, memory, segment and auto suites. Default: the stand-in in sample-rasters/standin-model.")]
        public string? Model { get; init; }

        [CommandOption("--iterations <N>")]
        [Description("Timed repetitions where a suite repeats work.")]
        [DefaultValue(20)]
        public int Iterations { get; init; } = 20;

        [CommandOption("--sizes <LIST>")]
        [Description("Raster sides in pixels for the memory and auto suites, e.g. 2000,5000,10000.")]
        public string? Sizes { get; init; }

        [CommandOption("--work <DIR>")]
        [Description("Scratch folder (deleted afterwards). Default: a new temporary folder.")]
        public string? Work { get; init; }

        public override ValidationResult Validate() =>
            !Suites.Contains(Suite) ? ValidationResult.Error($"unknown suite '{Suite}': use one of {string.Join(", ", Suites)}")
            : Iterations < 1 ? ValidationResult.Error("--iterations must be at least 1")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string work = settings.Work ?? Path.Combine(Path.GetTempPath(), $"samgeo-bench-{Environment.ProcessId}");
        string model = settings.Model ?? StandinModel();
        int[]? sizes = settings.Sizes?.Split(',').Select(s => int.TryParse(s, out int v) && v > 0 ? v
            : throw new SamGeoInputException($"--sizes '{settings.Sizes}' is not a list of positive pixel counts")).ToArray();
        switch (settings.Suite)
        {
            case "inference": InferenceBenchmark.Run(console, model, work, decodeRepeats: settings.Iterations * 5); break;
            case "memory": MemoryBenchmark.Run(console, model, work, sizes, gdalCacheMegabytes: null); break;
            case "segment": SegmentBenchmark.Run(console, model, work, settings.Iterations); break;
            case "auto": AutoBenchmark.Run(console, model, work, sizes); break;
            default: throw new SamGeoInputException($"suite '{settings.Suite}' is not built yet");
        }
        return 0;
    }

    /// <summary>sample-rasters/standin-model, found upward from the current folder or the program.</summary>
    internal static string StandinModel() => SampleFile(Path.Combine("sample-rasters", "standin-model"));

    /// <summary>A file or folder of the repository, found upward from the current folder or the program.</summary>
    internal static string SampleFile(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate) || File.Exists(candidate)) return candidate;
            }
        throw new SamGeoInputException($"{relative} not found above the current folder: give --model");
    }
}
