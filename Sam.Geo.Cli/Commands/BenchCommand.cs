using System.ComponentModel;
using Sam.Geo.Cli.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary><c>samgeo bench --suite NAME</c>: runs one benchmark suite from <see cref="BenchSuites"/>.</summary>
internal sealed class BenchCommand(IAnsiConsole console) : Command<BenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--suite <NAME>")]
        [Description("Which benchmark: vectorize (ours vs GDALPolygonize), inference (per-tile read/preprocess/encoder/cache, decoder p50/p95), memory (peak RSS of encode as rasters grow), segment (one prompt on a cached embedding, per stage), auto (per-tile stages, peak RSS as rasters grow).")]
        [DefaultValue("vectorize")]
        public string Suite { get; init; } = "vectorize";

        [CommandOption("--iterations <N>")]
        [Description("Measured repetitions per case; median and p95 are over these.")]
        [DefaultValue(20)]
        public int Iterations { get; init; } = 20;

        [CommandOption("--warmup <N>")]
        [Description("Unmeasured runs per case before timing (JIT, caches).")]
        [DefaultValue(3)]
        public int Warmup { get; init; } = 3;

        [CommandOption("--size <PX>")]
        [Description("Side of the square test masks in pixels.")]
        [DefaultValue(1024)]
        public int Size { get; init; } = 1024;

        [CommandOption("-m|--model <DIR>")]
        [Description("Model for the inference, memory and segment suites. Default: sample-rasters/standin-model.")]
        public string? Model { get; init; }

        [CommandOption("--sizes <LIST>")]
        [Description("Raster sides in pixels for the suites that compare sizes, e.g. 2000,5000,10000.")]
        public string? Sizes { get; init; }

        [CommandOption("--work <DIR>")]
        [Description("Scratch folder (deleted afterwards). Default: a new temporary folder.")]
        public string? Work { get; init; }

        [CommandOption("--json")]
        [Description("Print machine-readable JSON instead of a table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            !BenchSuites.ByName.ContainsKey(Suite)
                ? ValidationResult.Error($"unknown benchmark suite '{Suite}' (known: {string.Join(", ", BenchSuites.ByName.Keys)})")
            : Iterations < 1 ? ValidationResult.Error("--iterations must be at least 1")
            : Warmup < 0 ? ValidationResult.Error("--warmup must be >= 0")
            : Size is < 1 or > 16384 ? ValidationResult.Error("--size must be between 1 and 16384 pixels")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IBenchmarkSuite suite = BenchSuites.ByName[settings.Suite]();
        int[]? sizes = settings.Sizes?.Split(',').Select(s => int.TryParse(s, out int v) && v > 0 ? v
            : throw new SamGeoInputException($"--sizes '{settings.Sizes}' is not a list of positive pixel counts")).ToArray();
        var options = new BenchOptions(settings.Iterations, settings.Warmup, settings.Size, settings.Json, settings.Model, sizes, settings.Work);
        return suite.Run(options, console, cancellationToken);
    }

    /// <summary>A file or folder of the repository, found upward from the current folder or the program.</summary>
    internal static string RepositoryPath(string relative)
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
