using Spectre.Console;

namespace Sam.Geo.Cli.Bench;

/// <summary>Options every benchmark suite gets from <c>samgeo bench</c>.</summary>
internal sealed record BenchOptions(int Iterations, int Warmup, int SizeInPixels, bool Json);

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
        };
}
