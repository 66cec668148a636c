using System.Net;
using System.Text;
using System.Text.Json;
using Sam.Geo.Caching;
using Sam.Geo.Cli.Serve;
using Sam.Geo.Inference;
using Sam.Geo.Tests.Fixtures;
using Sam.Geo.Tests.Fixtures.Onnx;

namespace Sam.Geo.Tests.Serve;

/// <summary>
/// A <see cref="SamGeoServer"/> on 127.0.0.1 with a system-chosen port, the box test model (its mask is the
/// prompt box) and a fresh embedding cache, plus an <see cref="HttpClient"/> aimed at it. Dispose it (stops the
/// server, deletes the cache).
/// </summary>
public sealed class ServerFixture : IAsyncDisposable
{
    private readonly TempDir _dir;
    private readonly SamModel _model;
    private readonly SamGeoServer _server;

    private ServerFixture(TempDir dir, SamModel model, SamGeoServer server)
    {
        _dir = dir;
        _model = model;
        _server = server;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>A client whose base address is the server's (http://127.0.0.1:PORT/).</summary>
    public HttpClient Http { get; }

    /// <summary>The server's address with the bound port.</summary>
    internal Uri Address => _server.Address;

    /// <summary>The test model's name, as /health and the features' "model" attribute give it.</summary>
    public string ModelName => _model.Name;

    internal static async Task<ServerFixture> StartAsync(int port = 0)
    {
        var dir = new TempDir();
        var model = SamModel.Load(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box));
        try
        {
            var options = new ServerOptions { Address = IPAddress.Loopback, Port = port };
            var server = await SamGeoServer.StartAsync(model, new EmbeddingCache(dir.File("cache")), options, log: null, CancellationToken.None);
            return new ServerFixture(dir, model, server);
        }
        catch
        {
            model.Dispose();
            dir.Dispose();
            throw;
        }
    }

    /// <summary>POSTs a JSON body (given as text, so tests can send malformed ones) to /segment.</summary>
    public Task<HttpResponseMessage> SegmentAsync(string body) =>
        Http.PostAsync("segment", new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>POSTs an object serialised as JSON to /segment.</summary>
    public Task<HttpResponseMessage> SegmentAsync(object body) => SegmentAsync(JsonSerializer.Serialize(body));

    /// <summary>Reads a JSON response body.</summary>
    public static async Task<JsonDocument> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
        _model.Dispose();
        _dir.Dispose();
    }
}
