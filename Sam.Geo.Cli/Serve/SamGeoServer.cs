using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sam.Geo.Caching;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Spectre.Console;

namespace Sam.Geo.Cli.Serve;

/// <summary>Where and how <see cref="SamGeoServer"/> listens and opens rasters.</summary>
internal sealed record ServerOptions
{
    /// <summary>The address to bind (loopback by default; <c>samgeo serve</c> refuses others without <c>--allow-remote</c>).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 lets the system choose one (see <see cref="SamGeoServer.Address"/>).</summary>
    public int Port { get; init; } = SamGeoServer.DefaultPort;

    /// <summary>How rasters are opened: bands, stretch, tiling (the same for every request).</summary>
    public RasterSourceOptions Raster { get; init; } = new();

    /// <summary>How many rasters stay open between requests.</summary>
    public int OpenRasters { get; init; } = RasterSourcePool.DefaultCapacity;
}

/// <summary>
/// The local HTTP service behind <c>samgeo serve</c>: one loaded SAM model, the embedding cache and the
/// open rasters kept for the life of the server, JSON over HTTP on Kestrel.
/// <list type="bullet">
/// <item><c>GET /health</c>: <c>{"status": "ok", "model": NAME}</c>.</item>
/// <item><c>GET /info?raster=PATH</c>: what <c>samgeo info --json</c> prints.</item>
/// <item><c>POST /segment</c>: a <see cref="SegmentRequest"/> in, a GeoJSON FeatureCollection out.</item>
/// </list>
/// A mistake in a request answers 400, an unknown route 404, a known route with another method 405, anything
/// else 500; every error body is <c>{"error": "one line"}</c>. The model is borrowed (the caller disposes it
/// after the server); the server owns the open rasters and its scratch folder. Dispose to stop.
/// </summary>
internal sealed class SamGeoServer : IAsyncDisposable
{
    /// <summary>The port <c>samgeo serve</c> listens on by default.</summary>
    public const int DefaultPort = 8765;

    private static readonly Dictionary<string, string> Routes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/health"] = "GET", ["/info"] = "GET", ["/segment"] = "POST",
    };

    private readonly WebApplication _app;
    private readonly RasterSourcePool _rasters;
    private readonly SegmentationService _service;
    private readonly string _scratch;
    private readonly IAnsiConsole? _log;
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    private SamGeoServer(SamModel model, EmbeddingCache? cache, ServerOptions options, IAnsiConsole? log)
    {
        _log = log;
        _scratch = Directory.CreateTempSubdirectory("samgeo-serve-").FullName;
        _rasters = new RasterSourcePool(options.Raster, options.OpenRasters);
        _service = new SegmentationService(model, cache, _rasters, _scratch, options.Raster.TileSize, options.Raster.Overlap);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "samgeo" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(options.Address, options.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        _app = builder.Build();
        _app.Use(GuardAsync);
        _app.MapGet("/health", HealthAsync);
        _app.MapGet("/info", InfoAsync);
        _app.MapPost("/segment", SegmentAsync);
        _app.MapFallback(UnknownRouteAsync);
    }

    /// <summary>The address the server answers on, with the bound port (e.g. <c>http://127.0.0.1:8765/</c>).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Binds and starts serving; fails when the port is taken.</summary>
    /// <param name="model">The model; borrowed, dispose it after the server.</param>
    /// <param name="cache">The embedding cache, or null to encode every request.</param>
    /// <param name="options">Address, port and raster options.</param>
    /// <param name="log">Where one line per request goes; null for none.</param>
    /// <param name="cancellation">Cancels starting.</param>
    public static async Task<SamGeoServer> StartAsync(SamModel model, EmbeddingCache? cache, ServerOptions options, IAnsiConsole? log, CancellationToken cancellation)
    {
        var server = new SamGeoServer(model, cache, options, log);
        try
        {
            await server._app.StartAsync(cancellation).ConfigureAwait(false);
            string bound = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
            return server;
        }
        catch (IOException e)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new SamGeoInputException($"cannot listen on {new IPEndPoint(options.Address, options.Port)}: {JsonResponses.OneLine(e.Message)} (is another server running? choose another --port)");
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops accepting requests, cancels the running ones between objects, and releases the rasters.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _rasters.Dispose();
        _stopping.Dispose();
        try { Directory.Delete(_scratch, recursive: true); } catch (IOException) { }
    }

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e)
        {
            var (status, message) = JsonResponses.ForException(e, _stopping.IsCancellationRequested);
            if (status == StatusCodes.Status500InternalServerError)
            {
                _log?.MarkupLineInterpolated($"[red]error:[/] {context.Request.Method} {context.Request.Path}: {JsonResponses.OneLine(e.Message)}");
                if (Environment.GetEnvironmentVariable("SAMGEO_DEBUG") == "1") _log?.WriteException(e);
            }
            if (context.Response.HasStarted) context.Abort();
            else await JsonResponses.WriteErrorAsync(context, status, message).ConfigureAwait(false);
        }
        _log?.MarkupLineInterpolated(
            $"[grey]{DateTime.Now:HH:mm:ss}[/] {context.Request.Method} {context.Request.Path}{context.Request.QueryString} [bold]{context.Response.StatusCode}[/] {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private Task HealthAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["status"] = "ok", ["model"] = _service.ModelName });

    private Task InfoAsync(HttpContext context)
    {
        string? raster = context.Request.Query["raster"];
        if (string.IsNullOrWhiteSpace(raster)) throw new SamGeoInputException("give the raster: GET /info?raster=PATH");
        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, JsonResponses.Json, System.Text.Encoding.UTF8.GetBytes(_service.Info(raster)));
    }

    private async Task SegmentAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var request = SegmentRequest.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var result = await Task.Run(() => _service.SegmentAsync(request, cancellation.Token), cancellation.Token).ConfigureAwait(false);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, JsonResponses.GeoJson, JsonResponses.Segmentation(result, clock.Elapsed)).ConfigureAwait(false);
    }

    private static Task UnknownRouteAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        if (Routes.TryGetValue(path, out string? method))
        {
            context.Response.Headers.Allow = method;
            return JsonResponses.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, $"{context.Request.Method} {path} is not served: use {method} {path}");
        }
        return JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound,
            $"no endpoint {context.Request.Method} {path} (endpoints: GET /health, GET /info?raster=PATH, POST /segment)");
    }

    /// <summary>
    /// Leaves starting and stopping to the caller: Ctrl+C is handled by <c>samgeo</c> (it cancels the command's
    /// token), and tests run several servers in one process.
    /// </summary>
    private sealed class CallerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
