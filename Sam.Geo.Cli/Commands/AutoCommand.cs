using System.ComponentModel;
using System.Diagnostics;
using Sam.Geo.Pipeline;
using Sam.Geo.Pipeline.Auto;
using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary><c>samgeo auto</c>: SAM's automatic mask generation over a whole raster, tile by tile, merged across seams.</summary>
internal sealed class AutoCommand(IAnsiConsole console) : Command<AutoCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandOption("--points-per-side <N>")]
        [Description("Grid of N x N clicks per tile.")]
        [DefaultValue(32)]
        public int PointsPerSide { get; init; } = 32;

        [CommandOption("--points-per-batch <N>")]
        [Description("Clicks decoded between cancellation checks (SAM 1 ONNX decoders take one prompt per call).")]
        [DefaultValue(64)]
        public int PointsPerBatch { get; init; } = 64;

        [CommandOption("--pred-iou-thresh <X>")]
        [Description("Keep masks whose predicted IoU is above X.")]
        [DefaultValue(0.88)]
        public double PredIouThresh { get; init; } = 0.88;

        [CommandOption("--stability-thresh <X>")]
        [Description("Keep masks whose stability score is at least X.")]
        [DefaultValue(0.95)]
        public double StabilityThresh { get; init; } = 0.95;

        [CommandOption("--stability-offset <X>")]
        [Description("Logit offset of the stability score.")]
        [DefaultValue(1.0)]
        public double StabilityOffset { get; init; } = 1.0;

        [CommandOption("--box-nms-thresh <X>")]
        [Description("Box IoU above which the lower-scored of two masks of a tile is dropped.")]
        [DefaultValue(0.7)]
        public double BoxNmsThresh { get; init; } = 0.7;

        [CommandOption("--extent <MINX,MINY,MAXX,MAXY>")]
        [Description("Segment only this box, in --extent-crs (default: the raster's CRS).")]
        public string? Extent { get; init; }

        [CommandOption("--extent-crs <CRS>")]
        [Description("CRS of --extent (EPSG:n, WKT or PROJ; EPSG:4326 is lon,lat).")]
        public string? ExtentCrs { get; init; }

        [CommandOption("--resume")]
        [Description("Continue an interrupted run from its work folder (OUTPUT.samgeo-work) instead of starting afresh.")]
        public bool Resume { get; init; }

        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful) return baseResult;
            if (ExtentCrs is not null && Extent is null) return ValidationResult.Error("--extent-crs needs --extent");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        using var source = RasterSource.Open(settings.Raster, settings.ToSourceOptions());
        using var outCrs = settings.OutCrs is null ? null : SpatialReference.Parse(settings.OutCrs);
        var options = new AutoSegmentationOptions
        {
            PointsPerSide = settings.PointsPerSide,
            PointsPerBatch = settings.PointsPerBatch,
            PredIouThreshold = settings.PredIouThresh,
            StabilityThreshold = settings.StabilityThresh,
            StabilityOffset = settings.StabilityOffset,
            BoxNmsThreshold = settings.BoxNmsThresh,
            MinArea = settings.MinAreaThreshold,
            SimplifyPixels = settings.Simplify,
            Extent = settings.Extent is null ? null : ExtentToPixels(settings, source),
        };
        options.Validate();
        var output = new AutoOutput(settings.Output) { Overwrite = settings.Overwrite, Resume = settings.Resume, TargetCrs = outCrs };

        using var model = settings.LoadModel();
        RasterModelSettings.ShowNotice(console, model);
        var segmenter = new AutoSegmenter(model, settings.OpenCache(), options with { ModelName = model.Name });
        AutoResult result;
        try
        {
            result = console.Profile.Capabilities.Interactive
                ? RunWithProgress(segmenter, source, output, cancellationToken)
                : segmenter.Run(source, output, null, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLineInterpolated($"[yellow]stopped:[/] no output written; run again with --resume to continue from {AutoSegmenter.WorkDirectoryFor(settings.Output)}");
            throw;
        }
        Report(settings, result, total.Elapsed);
        return 0;
    }

    private AutoResult RunWithProgress(AutoSegmenter segmenter, RasterSource source, AutoOutput output, CancellationToken cancellationToken)
    {
        AutoResult? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tiles = ctx.AddTask("tiles");
                var write = ctx.AddTask("write", autoStart: false);
                result = segmenter.Run(source, output, p =>
                {
                    tiles.MaxValue = p.TileCount;
                    tiles.Value = p.TilesDone;
                    tiles.Description = $"tiles {p.TilesDone}/{p.TileCount}, {p.MasksFound} masks";
                    if (p.RowsWritten > 0)
                    {
                        if (!write.IsStarted) write.StartTask();
                        write.MaxValue = p.RowCount;
                        write.Value = p.RowsWritten;
                    }
                }, cancellationToken);
            });
        return result!;
    }

    private static PixelWindow ExtentToPixels(Settings settings, RasterSource source)
    {
        var v = RasterModelSettings.ParseNumbers(settings.Extent!, 4, "--extent", "MINX,MINY,MAXX,MAXY");
        using var crs = settings.ExtentCrs is null ? null : SpatialReference.Parse(settings.ExtentCrs);
        using var projector = new PromptProjector(source.GeoTransform, source.Crs, crs);
        var box = projector.BoxToPixel(v[0], v[1], v[2], v[3]);
        int c0 = (int)Math.Max(0, Math.Floor(box.MinCol)), r0 = (int)Math.Max(0, Math.Floor(box.MinRow));
        int c1 = (int)Math.Min(source.Raster.Width, Math.Ceiling(box.MaxCol)), r1 = (int)Math.Min(source.Raster.Height, Math.Ceiling(box.MaxRow));
        if (c1 <= c0 || r1 <= r0)
            throw new SamGeoInputException($"--extent {settings.Extent} lies outside the raster {Path.GetFileName(settings.Raster)}");
        return new PixelWindow(c0, r0, c1 - c0, r1 - r0);
    }

    private void Report(Settings settings, AutoResult r, TimeSpan total)
    {
        var t = r.Timer;
        console.MarkupLineInterpolated(
            $"wrote {r.Features} object{(r.Features == 1 ? "" : "s")} to [green]{settings.Output}[/] from {r.Pieces} pieces in {r.TileCount} tiles ({r.TilesSkipped} without data{(r.TilesResumed > 0 ? $", {r.TilesResumed} resumed" : "")})");
        console.MarkupLineInterpolated(
            $"[grey]time: read {Ms(t[Stage.Read])}, encode {Ms(t[Stage.Encode])}, cache {Ms(t[Stage.CacheIo])}, decode {Ms(t[Stage.Decode])}, post-process {Ms(t[Stage.PostProcess])}, seam merge {Ms(t[Stage.SeamMerge])}, vectorize {Ms(t[Stage.Vectorize])}, write {Ms(t[Stage.Write])}; total {Ms(total)}[/]");
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0} ms";
}
