using System.Diagnostics;

namespace Sam.Geo.Tests.Cli;

/// <summary>Without a loadable GDAL the command says how to install it, in one line, with exit code 2.</summary>
public sealed class GdalMissingTests
{
    [Fact]
    public void Info_GdalNotLoadable_SaysHowToInstallIt()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "samgeo.dll"));
        start.ArgumentList.Add("info");
        start.ArgumentList.Add("whatever.tif");
        start.Environment["SAMGEO_GDAL_LIBRARY"] = "/nonexistent/libgdal.so.99";
        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("samgeo: error: GDAL (>= 3.4) was not found", line);
        Assert.Contains("apt-get install", line);
    }
}
