using System.ComponentModel;
using System.Net;
using System.Runtime.InteropServices;
using Sam.Geo.Cli.Serve;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary>
/// <c>samgeo serve</c>: loads the model once and answers JSON over HTTP on loopback (health, info, segment),
/// keeping the open rasters and the embedding cache warm between clicks. Ctrl+C or SIGTERM stops it.
/// </summary>
internal sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>
    /// The options of <see cref="RasterModelSettings"/> that make sense for a server (no raster argument:
    /// each request names its raster); they are handed to a <see cref="RasterModelSettings"/> so that
    /// validation, model loading and the cache behave exactly as in <c>segment</c>.
    /// </summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>")]
        [Description("TCP port to listen on; 0 picks a free one (printed at start).")]
        [DefaultValue(SamGeoServer.DefaultPort)]
        public int Port { get; init; } = SamGeoServer.DefaultPort;

        [CommandOption("--host <ADDRESS>")]
        [Description("Address to bind: 127.0.0.1 (default), ::1 or localhost. Others need --allow-remote.")]
        [DefaultValue("127.0.0.1")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--allow-remote")]
        [Description("Allow a non-loopback --host. There is no authentication: anyone who reaches the port can read any raster this account can.")]
        public bool AllowRemote { get; init; }

        [CommandOption("--open-rasters <N>")]
        [Description("How many rasters stay open between requests (least recently used ones are closed).")]
        [DefaultValue(RasterSourcePool.DefaultCapacity)]
        public int OpenRasters { get; init; } = RasterSourcePool.DefaultCapacity;

        [CommandOption("-m|--model <DIR>")]
        [Description("SAM model directory holding encoder.onnx and decoder.onnx (or a samgeo-model.json naming them).")]
        public string? Model { get; init; }

        [CommandOption("--encoder <FILE>")]
        [Description("SAM image encoder ONNX file (with --decoder, instead of --model).")]
        public string? Encoder { get; init; }

        [CommandOption("--decoder <FILE>")]
        [Description("SAM mask decoder ONNX file (with --encoder, instead of --model).")]
        public string? Decoder { get; init; }

        [CommandOption("--bands <LIST>")]
        [Description("Bands for R,G,B, 1-based, for every raster served. Default: the bands labelled red/green/blue, else 1,2,3.")]
        public string? Bands { get; init; }

        [CommandOption("--stretch <MODE>")]
        [Description("8-bit stretch of non-Byte data: auto, percentile, minmax or none.")]
        [DefaultValue("auto")]
        public string Stretch { get; init; } = "auto";

        [CommandOption("--percentiles <LOW,HIGH>")]
        [Description("Percentiles for the percentile stretch.")]
        [DefaultValue("2,98")]
        public string Percentiles { get; init; } = "2,98";

        [CommandOption("--cache <DIR>")]
        [Description("Embedding cache folder. Default: the user's local data folder (samgeo/embeddings).")]
        public string? Cache { get; init; }

        [CommandOption("--no-cache")]
        [Description("Do not read or write the embedding cache (every request runs the encoder).")]
        public bool NoCache { get; init; }

        [CommandOption("--cache-size <GIB>")]
        [Description("Cache size limit in GiB; least recently used entries are evicted beyond it.")]
        [DefaultValue(10.0)]
        public double CacheSizeGib { get; init; } = 10;

        [CommandOption("--hash-raster")]
        [Description("Identify rasters in the cache by a SHA-256 of their content instead of path, size and time.")]
        public bool HashRaster { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("Inference device: cpu or cuda.")]
        [DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--threads <N>")]
        [Description("ONNX Runtime intra-op threads. Default: the number of cores.")]
        public int? Threads { get; init; }

        [CommandOption("--tile-size <PX>")]
        [Description("Tile size in pixels.")]
        [DefaultValue(1024)]
        public int TileSize { get; init; } = 1024;

        [CommandOption("--overlap <PX>")]
        [Description("Tile overlap in pixels.")]
        [DefaultValue(128)]
        public int Overlap { get; init; } = 128;

        /// <summary>The same options as the raster commands take them.</summary>
        public RasterModelSettings Shared => new()
        {
            Model = Model, Encoder = Encoder, Decoder = Decoder, Bands = Bands, Stretch = Stretch, Percentiles = Percentiles,
            Cache = Cache, NoCache = NoCache, CacheSizeGib = CacheSizeGib, HashRaster = HashRaster,
            Device = Device, Threads = Threads, TileSize = TileSize, Overlap = Overlap,
        };

        public override ValidationResult Validate()
        {
            var shared = Shared.Validate();
            if (!shared.Successful) return shared;
            if (Port is < 0 or > 65535) return ValidationResult.Error($"--port must be 0-65535, not {Port}");
            if (OpenRasters < 1) return ValidationResult.Error("--open-rasters must be at least 1");
            if (ParseHost(Host) is not IPAddress address)
                return ValidationResult.Error($"--host '{Host}' is not an IP address or localhost");
            if (!IPAddress.IsLoopback(address) && !AllowRemote)
                return ValidationResult.Error($"--host {Host} is not loopback: the service has no authentication, so give --allow-remote to serve other machines");
            return ValidationResult.Success();
        }

        /// <summary>The address to bind: an IP literal, or loopback for "localhost".</summary>
        public static IPAddress? ParseHost(string host) =>
            string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host.Trim('[', ']'), out var address) ? address : null;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var address = Settings.ParseHost(settings.Host)!;
        var shared = settings.Shared;
        using var model = shared.LoadModel();
        RasterModelSettings.ShowNotice(console, model);
        var options = new ServerOptions
        {
            Address = address,
            Port = settings.Port,
            Raster = shared.ToSourceOptions(),
            OpenRasters = settings.OpenRasters,
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        await using var server = await SamGeoServer.StartAsync(model, shared.OpenCache(), options, console, cancellationToken);
        if (!IPAddress.IsLoopback(address))
            console.MarkupLineInterpolated($"[yellow]warning:[/] serving {address} to the network without authentication: anyone who reaches port {server.Address.Port} can segment and read any raster this account can read");
        console.MarkupLineInterpolated($"samgeo serve: model [green]{model.Name}[/] on [link]{server.Address}[/] (GET /health, GET /info?raster=PATH, POST /segment); Ctrl+C stops");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        console.MarkupLine("stopping: finishing the requests in flight");
        return 0;
    }
}
