using System.Diagnostics;
using Sam.Geo.Caching;
using Sam.Geo.Pipeline;
using Sam.Geo.Tiling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary>
/// <c>samgeo encode</c>: fills the embedding cache for every tile of a raster, so that later prompts never
/// wait for the encoder. Stops between tiles on Ctrl+C; a rerun continues where it stopped.
/// </summary>
internal sealed class EncodeCommand(IAnsiConsole console) : Command<EncodeCommand.Settings>
{
    /// <summary>Exit code after Ctrl+C (the shell's 128 + SIGINT).</summary>
    public const int CancelledExitCode = 130;

    public sealed class Settings : RasterModelSettings
    {
        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful) return baseResult;
            if (NoCache) return ValidationResult.Error("--no-cache makes no sense for encode: its only output is the embedding cache");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var source = RasterSource.Open(settings.Raster, settings.ToSourceOptions());
        using var model = settings.LoadModel();
        RasterModelSettings.ShowNotice(console, model);
        var cache = settings.OpenCache()!; // Validate refuses --no-cache
        var provider = new EmbeddingProvider(model.Encoder, cache);
        var grid = source.Grid;
        console.MarkupLineInterpolated(
            $"encoding [green]{settings.Raster}[/]: {grid.Count} tile{(grid.Count == 1 ? "" : "s")} of {grid.TileSize} px ({grid.Columns} x {grid.Rows}, overlap {grid.Overlap} px) into {cache.Directory}");

        // Ctrl+C (SamGeoApp turns it into the token) stops after the current tile; a rerun continues.
        var clock = Stopwatch.StartNew();
        var counts = console.Profile.Capabilities.Interactive
            ? WithProgressBar(source, provider, cancellationToken)
            : WithProgressLines(source, provider, cancellationToken);
        clock.Stop();

        var stats = cache.Stats;
        string summary = $"{counts.Cached} cached, {counts.Encoded} encoded, {counts.Skipped} skipped (no data)";
        if (counts.Done < grid.Count)
        {
            console.MarkupLineInterpolated(
                $"[yellow]stopped[/] after {counts.Done} of {grid.Count} tiles ({summary}); run the same command again to continue");
            return CancelledExitCode;
        }
        console.MarkupLineInterpolated($"done: {grid.Count} tiles: {summary} in {clock.Elapsed.TotalSeconds:0.0} s");
        console.MarkupLineInterpolated(
            $"[grey]cache: {stats.Entries} entries, {stats.Bytes / (1024.0 * 1024.0):#,0.0} MiB; time: read {Ms(provider.Timer[Stage.Read])}, encode {Ms(provider.Timer[Stage.Encode])}, cache {Ms(provider.Timer[Stage.CacheIo])}[/]");
        return 0;
    }

    /// <summary>
    /// Encodes the tiles of <paramref name="source"/> in grid order, or counts them as cached or empty.
    /// An entry already in the cache is trusted without being read (segment verifies entries when it reads
    /// them), so a rerun passes over finished tiles at the cost of a file lookup. Cancellation is honoured
    /// between tiles only: a tile being encoded is finished and cached, and the cache's atomic writes mean
    /// no partial entry can remain.
    /// </summary>
    /// <param name="source">The raster and its grid.</param>
    /// <param name="provider">Encoder and cache.</param>
    /// <param name="afterTile">Called after each tile with the counts so far.</param>
    /// <param name="cancellationToken">Stops the loop before the next tile.</param>
    /// <returns>The counts; <see cref="EncodeCounts.Done"/> is below the tile count when cancelled.</returns>
    internal static EncodeCounts EncodeTiles(RasterSource source, EmbeddingProvider provider, Action<EncodeCounts> afterTile,
        CancellationToken cancellationToken)
    {
        var counts = new EncodeCounts(0, 0, 0);
        foreach (var tile in source.Grid)
        {
            if (cancellationToken.IsCancellationRequested) break;
            var window = ScaledWindow.Unscaled(tile.Window);
            if (provider.IsCached(source, window)) counts = counts with { Cached = counts.Cached + 1 };
            else if (provider.Get(source, window, out bool fromCache) is null) counts = counts with { Skipped = counts.Skipped + 1 };
            else if (fromCache) counts = counts with { Cached = counts.Cached + 1 }; // another process was quicker
            else counts = counts with { Encoded = counts.Encoded + 1 };
            afterTile(counts);
        }
        return counts;
    }

    private EncodeCounts WithProgressBar(RasterSource source, EmbeddingProvider provider, CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Describe(new EncodeCounts(0, 0, 0), source.Grid.Count), maxValue: source.Grid.Count);
                return EncodeTiles(source, provider, counts =>
                {
                    task.Value = counts.Done;
                    task.Description = Describe(counts, source.Grid.Count);
                }, cancellationToken);
            });

    /// <summary>Plain progress for logs and pipes: a line per tenth of the tiles, and at least every 10 s.</summary>
    private EncodeCounts WithProgressLines(RasterSource source, EmbeddingProvider provider, CancellationToken cancellationToken)
    {
        int total = source.Grid.Count;
        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        int lastTenth = 0;
        return EncodeTiles(source, provider, counts =>
        {
            int tenth = counts.Done * 10 / total;
            if (tenth == lastTenth && clock.Elapsed - lastLine < TimeSpan.FromSeconds(10)) return;
            lastTenth = tenth;
            lastLine = clock.Elapsed;
            var eta = TimeSpan.FromTicks(clock.Elapsed.Ticks / counts.Done * (total - counts.Done));
            console.WriteLine($"{Describe(counts, total)}, {100.0 * counts.Done / total:0}%, ETA {eta:hh\\:mm\\:ss}");
        }, cancellationToken);
    }

    private static string Describe(EncodeCounts c, int total) =>
        $"tiles {c.Done}/{total}: {c.Cached} cached, {c.Encoded} encoded, {c.Skipped} skipped";

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0} ms";
}

/// <summary>What <c>samgeo encode</c> did with the tiles it passed over.</summary>
/// <param name="Cached">Tiles whose embedding was already in the cache.</param>
/// <param name="Encoded">Tiles encoded and cached now.</param>
/// <param name="Skipped">Tiles without a valid pixel (nothing to encode).</param>
internal readonly record struct EncodeCounts(int Cached, int Encoded, int Skipped)
{
    /// <summary>Tiles passed over.</summary>
    public int Done => Cached + Encoded + Skipped;
}
