using System.Text.Json;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Cli;

public sealed class InfoCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string MakeRaster(string name, int w, int h, bool georeferenced = true)
    {
        string path = _dir.File(name);
        using var crs = SpatialReference.FromEpsg(32632);
        using var r = GeoRaster.Create(path, w, h, 3, RasterDataType.Byte,
            georeferenced ? new GeoTransform(500000, 0.5, 0, 4982950, 0, -0.5) : null, georeferenced ? crs : null);
        r.Write<byte>(1, r.FullWindow, new byte[w * h]);
        return path;
    }

    [Fact]
    public void Info_Json_ReportsSizeCrsBoundsAndTiles()
    {
        string path = MakeRaster("a.tif", 2000, 1500);
        var result = CliRunner.Run("info", path, "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal(2000, root.GetProperty("width").GetInt32());
        Assert.Equal(1500, root.GetProperty("height").GetInt32());
        Assert.Equal(32632, root.GetProperty("crs").GetProperty("epsg").GetInt32());
        var bounds = root.GetProperty("bounds").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal([500000, 4982950 - 750, 501000, 4982950], bounds);
        var wgs = root.GetProperty("boundsWgs84").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(wgs[0], 8.99, 9.01);
        Assert.InRange(wgs[1], 44.98, 45.0);
        Assert.Equal(6, root.GetProperty("tiles").GetProperty("count").GetInt32()); // 3 columns x 2 rows
        Assert.Equal(3, root.GetProperty("bands").GetArrayLength());
    }

    [Theory]
    [InlineData("rgb-utm", 32632, "3 bands")]
    [InlineData("multispectral-uint16", 3857, "4 bands")]
    [InlineData("rotated", 32633, "(rotated)")]
    [InlineData("wgs84", 4326, "degree")]
    public void Info_EverySampleRaster_IsDescribed(string sample, int epsg, string mention)
    {
        var result = CliRunner.Run("info", SampleData.Raster(sample));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"(EPSG:{epsg})", result.Out);
        Assert.Contains(mention, result.Out);
        Assert.Contains("WGS 84 lon/lat", result.Out);
    }

    [Fact]
    public void Info_Cog_IsDescribed()
    {
        string src = MakeRaster("src.tif", 600, 400);
        string cog = _dir.File("cog.tif");
        using (var r = GeoRaster.Open(src)) r.SaveAs(cog, "COG", ["COMPRESS=DEFLATE", "OVERVIEWS=AUTO", "BLOCKSIZE=256"]);
        var result = CliRunner.Run("info", cog);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("600 x 400 px, 3 bands", result.Out);
        Assert.Contains("EPSG:32632", result.Out);
        Assert.Contains("overviews", result.Out);
    }

    [Fact]
    public void Info_MissingFile_OneLineErrorExit2()
    {
        var result = CliRunner.Run("info", _dir.File("missing.tif"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"samgeo: error: raster not found: {_dir.File("missing.tif")}", result.Error.TrimEnd());
    }

    [Fact]
    public void Info_BadOverlap_Exit2()
    {
        string path = MakeRaster("b.tif", 10, 10);
        var result = CliRunner.Run("info", path, "--overlap", "2000");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--overlap", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }
}
