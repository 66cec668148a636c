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
    /// The model, raster and cache options of every SAM command (<see cref="ModelSettings"/>: no raster
    /// argument, each request names its raster) plus where to listen.
    /// </summary>
    public sealed class Settings : ModelSettings
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

        public override ValidationResult Validate()
        {
            var shared = base.Validate();
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
        using var model = settings.LoadModel();
        RasterModelSettings.ShowNotice(console, model);
        var options = new ServerOptions
        {
            Address = address,
            Port = settings.Port,
            Raster = settings.ToSourceOptions(),
            OpenRasters = settings.OpenRasters,
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        await using var server = await SamGeoServer.StartAsync(model, settings.OpenCache(), options, console, cancellationToken);
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
