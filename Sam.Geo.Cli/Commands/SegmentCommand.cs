using System.ComponentModel;
using System.Diagnostics;
using Sam.Geo.Export;
using Sam.Geo.Pipeline;
using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Sam.Geo.Vectorization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary><c>samgeo segment</c>: georeferenced point and box prompts in, georeferenced polygons out.</summary>
internal sealed class SegmentCommand(IAnsiConsole console) : Command<SegmentCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandOption("--point <X,Y>")]
        [Description("Foreground click (repeatable), in --prompt-crs (default: the raster's CRS).")]
        public string[] Points { get; init; } = [];

        [CommandOption("--negative-point <X,Y>")]
        [Description("Background click (repeatable).")]
        public string[] NegativePoints { get; init; } = [];

        [CommandOption("--box <MINX,MINY,MAXX,MAXY>")]
        [Description("Box around the object.")]
        public string? Box { get; init; }

        [CommandOption("--object <ID>")]
        [Description("Object id for the command-line prompts (they form one object).")]
        [DefaultValue("1")]
        public string ObjectId { get; init; } = "1";

        [CommandOption("--prompts <FILE>")]
        [Description("Prompt file (GeoJSON, GeoPackage, Shapefile): points with label 1/0, polygons used as boxes, optional 'object' grouping.")]
        public string? PromptFile { get; init; }

        [CommandOption("--prompt-crs <CRS>")]
        [Description("CRS of the prompts (EPSG:n, WKT or PROJ; EPSG:4326 is lon,lat). Default: the prompt file's CRS, else the raster's.")]
        public string? PromptCrs { get; init; }

        [CommandOption("--skip-outside")]
        [Description("Skip prompts outside the raster with a warning instead of failing.")]
        public bool SkipOutside { get; init; }

        [CommandOption("--preview <FILE.png>")]
        [Description("Also write a PNG of the imagery around the objects with the polygons drawn over it.")]
        public string? Preview { get; init; }

        [CommandOption("--max-hole-area <AREA>")]
        [Description("Fill holes smaller than this: square metres or pixels (px).")]
        public string? MaxHoleArea { get; init; }

        [CommandOption("--connectivity <N>")]
        [Description("4 (default, like GDAL's polygonize: pixels touching only at a corner are separate parts) or 8 (they join one part).")]
        [DefaultValue(4)]
        public int Connectivity { get; init; } = 4;

        [CommandOption("--largest-only")]
        [Description("Keep only the largest part of each object.")]
        public bool LargestOnly { get; init; }

        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful) return baseResult;
            if (Points.Length == 0 && NegativePoints.Length == 0 && Box is null && PromptFile is null)
                return ValidationResult.Error("give prompts: --point, --box or --prompts FILE");
            if (Connectivity is not (4 or 8)) return ValidationResult.Error($"--connectivity must be 4 or 8, not {Connectivity}");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var options = new SegmentationOptions
        {
            MinArea = settings.MinAreaThreshold,
            MaxHoleArea = settings.MaxHoleArea is null ? AreaThreshold.None : AreaThreshold.Parse(settings.MaxHoleArea, "--max-hole-area"),
            SimplifyPixels = settings.Simplify,
            LargestOnly = settings.LargestOnly,
            Connectivity = settings.Connectivity == 8 ? PixelConnectivity.Eight : PixelConnectivity.Four,
            SkipOutside = settings.SkipOutside,
        };
        var owned = new List<IDisposable>();
        try
        {
            return Run(settings, options, owned, total, cancellationToken);
        }
        finally
        {
            foreach (var d in owned) d.Dispose();
        }
    }

    private int Run(Settings settings, SegmentationOptions options, List<IDisposable> owned, Stopwatch total, CancellationToken cancellationToken)
    {
        using var source = RasterSource.Open(settings.Raster, settings.ToSourceOptions());
        var prompts = ReadPrompts(settings, owned);
        using var outCrs = settings.OutCrs is null ? null : SpatialReference.Parse(settings.OutCrs);

        // Fail on the output (missing folder, existing file, unknown extension) before running the model.
        var format = OutputFormats.FromPath(settings.Output);
        using var sink = format == OutputFormat.GeoTiff ? null : FeatureSinks.Create(settings.Output, SegmentationSchema.Fields, source.Crs,
            new FeatureSinkOptions { Overwrite = settings.Overwrite, TargetCrs = outCrs });
        if (format == OutputFormat.GeoTiff) using (AtomicOutput.Begin(settings.Output, settings.Overwrite, OutputFormat.GeoTiff)) { }
        if (settings.Preview is not null) using (AtomicOutput.Begin(settings.Preview, settings.Overwrite, OutputFormat.Png)) { }

        using var model = settings.LoadModel();
        RasterModelSettings.ShowNotice(console, model);
        var pipeline = new SegmentationPipeline(model, settings.OpenCache(), options with { ModelName = model.Name });
        var results = pipeline.Segment(source, prompts,
            w => console.MarkupLineInterpolated($"[yellow]warning:[/] {w}"), cancellationToken);

        var write = Stopwatch.StartNew();
        if (sink is not null)
        {
            foreach (var r in results) sink.Write(r.Feature);
            sink.Commit();
        }
        else MaskOutput.Write(settings.Output, source.Raster, results.Select(r => r.Feature).ToList(), settings.Overwrite);
        if (settings.Preview is not null) PreviewWriter.Write(settings.Preview, source, results, settings.Overwrite);
        write.Stop();

        Report(settings, results, pipeline.Timer, write.Elapsed, total.Elapsed);
        return 0;
    }

    /// <summary>
    /// The prompt sets: the file's objects in the file's CRS (or --prompt-crs), and the command-line
    /// prompts as one object in --prompt-crs (or the raster's CRS).
    /// </summary>
    private static List<PromptSet> ReadPrompts(Settings s, List<IDisposable> owned)
    {
        var sets = new List<PromptSet>();
        var crs = s.PromptCrs is null ? null : SpatialReference.Parse(s.PromptCrs);
        if (crs is not null) owned.Add(crs);
        if (s.PromptFile is not null)
        {
            var file = PromptFileReader.Read(s.PromptFile);
            owned.Add(file);
            sets.Add(new PromptSet(file.Objects, crs ?? file.Crs));
        }
        var points = s.Points.Select(p => ParsePoint(p, "--point", true))
            .Concat(s.NegativePoints.Select(p => ParsePoint(p, "--negative-point", false))).ToList();
        PromptBox? box = null;
        if (s.Box is not null)
        {
            var v = RasterModelSettings.ParseNumbers(s.Box, 4, "--box", "MINX,MINY,MAXX,MAXY");
            box = new PromptBox(v[0], v[1], v[2], v[3]);
        }
        if (points.Count > 0 || box is not null) sets.Add(new PromptSet([new PromptObject(s.ObjectId, points, box)], crs));
        return sets;
    }

    private static PromptPoint ParsePoint(string text, string option, bool foreground)
    {
        var v = RasterModelSettings.ParseNumbers(text, 2, option, "X,Y");
        return new PromptPoint(v[0], v[1], foreground);
    }

    private void Report(Settings settings, IReadOnlyList<SegmentedObject> results, StageTimer timer, TimeSpan write, TimeSpan total)
    {
        var table = new Table().AddColumns("object", "score", "stability", "area m²", "parts", "window");
        foreach (var r in results)
        {
            var a = r.Feature.Attributes;
            table.AddRow(Markup.Escape($"{a["object"]}"), $"{a["score"]:0.000}", $"{a["stability"]:0.000}", $"{a["area_m2"]:#,0.0}",
                $"{r.Feature.Geometry.NumGeometries}", Markup.Escape($"{a["tile"]}{(r.EmbeddingFromCache ? " (cached)" : "")}"));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"wrote {results.Count} feature{(results.Count == 1 ? "" : "s")} to [green]{settings.Output}[/]{(settings.Preview is null ? "" : $" and a preview to {settings.Preview}")}");
        console.MarkupLineInterpolated(
            $"[grey]time: projection {Ms(timer[Stage.Projection])}, read {Ms(timer[Stage.Read])}, encode {Ms(timer[Stage.Encode])}, cache {Ms(timer[Stage.CacheIo])}, decode {Ms(timer[Stage.Decode])}, vectorize {Ms(timer[Stage.Vectorize])}, write {Ms(write)}; total {Ms(total)}[/]");
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0} ms";
}
