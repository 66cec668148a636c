using Sam.Geo.Cli.Commands;
using Sam.Geo.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli;

/// <summary>Wires the <c>samgeo</c> commands; tests call <see cref="Run"/> with a captured console.</summary>
internal static class SamGeoApp
{
    /// <summary>Exit code for a user mistake (bad input, bad arguments).</summary>
    public const int UserErrorExitCode = 2;

    public static int Run(string[] args, IAnsiConsole console, TextWriter errors)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(IAnsiConsole), console);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("samgeo");
            config.ConfigureConsole(console);
            config.CancellationExitCode(130);
            config.AddCommand<InfoCommand>("info")
                .WithDescription("Describe a raster: size, bands, CRS, bounds, pixel size, nodata, overviews, tiles.")
                .WithExample("info", "sample-rasters/rgb-utm.tif");
            config.AddCommand<BenchCommand>("bench").WithDescription("Time a benchmark suite (vectorize: our vectoriser vs GDALPolygonize).");
            config.SetExceptionHandler((ex, _) => ErrorReporter.Report(ex, errors));
        });
        return app.Run(args);
    }
}
