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

    /// <summary>
    /// Runs a command. The first Ctrl+C cancels the token commands receive (they stop cleanly between tiles
    /// and leave no half-written output); a second one ends the process at once.
    /// </summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter errors, CancellationToken cancellation = default)
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return Configure(console, errors).Run(args, interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static CommandApp Configure(IAnsiConsole console, TextWriter errors)
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
            config.AddCommand<SegmentCommand>("segment")
                .WithDescription("Segment objects from point and box prompts (any CRS) into georeferenced polygons.")
                .WithExample("segment", "sample-rasters/rgb-utm.tif", "--model", "sample-rasters/standin-model", "--point", "9.005441,45.002971", "--prompt-crs", "EPSG:4326", "-o", "building.geojson");
            config.AddCommand<EncodeCommand>("encode")
                .WithDescription("Encode every tile of a raster into the embedding cache (resumable; later prompts skip the encoder).")
                .WithExample("encode", "sample-rasters/rgb-utm.tif", "--model", "sample-rasters/standin-model", "--cache", "embeddings");
            config.AddCommand<MakeSamplesCommand>("make-samples")
                .WithDescription("Write the synthetic sample rasters and their ground-truth GeoJSON into a folder.")
                .WithExample("make-samples", "sample-rasters");
            config.AddCommand<AutoCommand>("auto")
                .WithDescription("Segment everything: SAM's automatic masks over the whole raster, tile by tile, merged across seams.")
                .WithExample("auto", "sample-rasters/rgb-utm.tif", "--model", "sample-rasters/standin-model", "-o", "objects.gpkg");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serve health, info and segment as JSON over HTTP on loopback, keeping the model loaded and the rasters open.")
                .WithExample("serve", "--model", "sample-rasters/standin-model", "--port", "8765");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Benchmarks for notes (not tests), each against a baseline measured in the same run.")
                .WithExample("bench", "--suite", "segment");
            config.SetExceptionHandler((ex, _) => ErrorReporter.Report(ex, errors));
        });
        return app;
    }
}
