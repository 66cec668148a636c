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
        [Description("Which benchmark to run: vectorize.")]
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
        return suite.Run(new BenchOptions(settings.Iterations, settings.Warmup, settings.Size, settings.Json), console, cancellationToken);
    }
}
