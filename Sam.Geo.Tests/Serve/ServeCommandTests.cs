using System.Net;
using System.Net.Sockets;
using Sam.Geo.Cli;
using Sam.Geo.Tests.Fixtures;
using Sam.Geo.Tests.Fixtures.Onnx;
using Spectre.Console;

namespace Sam.Geo.Tests.Serve;

/// <summary><c>samgeo serve</c> as a command: its checks, and stopping on cancellation (what Ctrl+C does).</summary>
public sealed class ServeCommandTests
{
    private static readonly string Model = TestModels.Get(TestEncoder.Nchw, TestDecoder.Box);

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    public void Serve_NonLoopbackHostWithoutAllowRemote_IsRefused(string host)
    {
        var result = CliRunner.Run("serve", "--model", Model, "--host", host);

        Assert.Equal(SamGeoApp.UserErrorExitCode, result.ExitCode);
        Assert.Contains($"--host {host} is not loopback", result.Error);
        Assert.Contains("--allow-remote", result.Error);
    }

    [Theory]
    [InlineData("--host", "example.org", "is not an IP address or localhost")]
    [InlineData("--port", "70000", "--port must be 0-65535")]
    public void Serve_BadOption_IsRefused(string option, string value, string expected)
    {
        var result = CliRunner.Run("serve", "--model", Model, option, value);

        Assert.Equal(SamGeoApp.UserErrorExitCode, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public async Task Serve_Cancelled_StopsCleanlyWithExitCode0()
    {
        using var dir = new TempDir();
        int port = FreeLoopbackPort();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(TextWriter.Synchronized(output)),
            Interactive = InteractionSupport.No,
        });
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => SamGeoApp.Run(
            ["serve", "--model", Model, "--port", $"{port}", "--cache", dir.File("cache")], console, TextWriter.Null, stop.Token));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        Assert.True(await AnswersHealthAsync(http, run), "the server did not answer /health within 30 s");
        stop.Cancel();

        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(run, finished);
        Assert.Equal(0, await run);
        Assert.Contains("stopping", output.ToString());
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("health"));
    }

    /// <summary>Polls /health (at most 30 s) until it answers 200 or the command ends.</summary>
    private static async Task<bool> AnswersHealthAsync(HttpClient http, Task<int> run)
    {
        for (int attempt = 0; attempt < 150 && !run.IsCompleted; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        return false;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
