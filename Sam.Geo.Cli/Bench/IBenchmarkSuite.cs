using Spectre.Console;

namespace Sam.Geo.Cli.Bench;

/// <summary>Options every benchmark suite gets from <c>samgeo bench</c>.</summary>
/// <param name="Iterations">Measured repetitions.</param>
/// <param name="Warmup">Unmeasured runs first.</param>
/// <param name="SizeInPixels">Side of generated masks or rasters, where a suite has one.</param>
/// <param name="Json">JSON instead of tables, where a suite supports it.</param>
/// <param name="Model">SAM model folder for the model suites (null: the repository's stand-in).</param>
/// <param name="Sizes">Raster sides for the suites that compare sizes (null: the suite's default).</param>
/// <param name="Work">Scratch folder (null: a new temporary one).</param>
internal sealed record BenchOptions(int Iterations, int Warmup, int SizeInPixels, bool Json,
    string? Model = null, IReadOnlyList<int>? Sizes = null, string? Work = null)
{
    /// <summary>The model folder to use: the given one or sample-rasters/standin-model.</summary>
    public string ModelDirectory => Model ?? Commands.BenchCommand.RepositoryPath(Path.Combine("sample-rasters", "standin-model"));

    /// <summary>The scratch folder to use.</summary>
    public string WorkDirectory => Work ?? Path.Combine(Path.GetTempPath(), $"samgeo-bench-{Environment.ProcessId}");
}

/// <summary>One <c>samgeo bench --suite NAME</c>: measures, then prints a table or JSON to the console.</summary>
internal interface IBenchmarkSuite
{
    /// <summary>Runs the suite and writes its report; returns the exit code.</summary>
    int Run(BenchOptions options, IAnsiConsole console, CancellationToken cancellationToken);
}

/// <summary>The suites by name; add a line here for a new one.</summary>
internal static class BenchSuites
{
    public static readonly IReadOnlyDictionary<string, Func<IBenchmarkSuite>> ByName =
        new Dictionary<string, Func<IBenchmarkSuite>>(StringComparer.OrdinalIgnoreCase)
        {
            ["vectorize"] = () => new VectorizeBenchmark(),
            ["inference"] = () => new DelegateSuite((o, console) =>
                InferenceBenchmark.Run(console, o.ModelDirectory, o.WorkDirectory, decodeRepeats: o.Iterations * 5)),
            ["memory"] = () => new DelegateSuite((o, console) =>
                MemoryBenchmark.Run(console, o.ModelDirectory, o.WorkDirectory, o.Sizes, gdalCacheMegabytes: null)),
            ["segment"] = () => new DelegateSuite((o, console) =>
                SegmentBenchmark.Run(console, o.ModelDirectory, o.WorkDirectory, o.Iterations)),
            ["auto"] = () => new DelegateSuite((o, console) =>
                AutoBenchmark.Run(console, o.ModelDirectory, o.WorkDirectory, o.Sizes)),
        };

    /// <summary>A suite written as one static call.</summary>
    private sealed class DelegateSuite(Action<BenchOptions, IAnsiConsole> run) : IBenchmarkSuite
    {
        public int Run(BenchOptions options, IAnsiConsole console, CancellationToken cancellationToken)
        {
            run(options, console);
            return 0;
        }
    }
}
