using NetTopologySuite.Geometries;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Pipeline;

/// <summary><c>samgeo auto</c> end to end: a small raster, and user mistakes answered with one line and exit 2.</summary>
public sealed class AutoCommandTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _raster;

    public AutoCommandTests()
    {
        _raster = AutoFixture.WriteShapes(_dir.File("small.tif"), 200, 150,
            [("building", Shapes.Rectangle(70, 75, 60, 50, 15)), ("lake", Shapes.Disc(150, 70, 30))]).RasterPath;
    }

    public void Dispose() => _dir.Dispose();

    private string[] Args(string output, params string[] more) =>
        ["auto", _raster, "--model", AutoFixture.ModelDirectory, "-o", output, "--no-cache", "--tile-size", "256", "--overlap", "32",
         "--points-per-side", "8", "--stability-offset", "0.01", "--stability-thresh", "0.5", .. more];

    [Fact]
    public void Auto_SmallRaster_WritesGeoJsonWithAttributesAndReports()
    {
        string output = _dir.File("objects.geojson");

        var r = CliRunner.Run(Args(output));

        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        Assert.Contains("wrote 3 objects", r.Out);
        Assert.Contains("seam merge", r.Out);
        string json = File.ReadAllText(output);
        Assert.Contains("\"object\":\"auto\"", json.Replace(" ", ""));
        Assert.Contains("\"tile\":\"r0c0\"", json.Replace(" ", ""));
        Assert.False(Directory.Exists(output + ".samgeo-work"));
    }

    [Fact]
    public void Auto_Extent_OnlyObjectsInsideIt()
    {
        string output = _dir.File("extent.gpkg");
        // Pixels 0-110 x 0-150 hold the building; the lake (120-180) is outside. UTM: x = 499500 + 0.5 col, y = 4983325 - 0.5 row.
        var r = CliRunner.Run(Args(output, "--extent", "499500,4983250,499555,4983325", "--min-area", "100px"));

        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        var features = AutoFixture.ReadPixelFeatures(output, _raster);
        Assert.All(features, f => Assert.True(f.Pixel.EnvelopeInternal.MaxX <= 110.001, $"feature {f.Id} beyond the extent"));
        Assert.Contains(features, f => f.Pixel.Area > 2500); // the building
    }

    [Theory]
    [InlineData("missing.tif", "", "missing.tif")]
    [InlineData(null, "--pred-iou-thresh=1.5", "--pred-iou-thresh")]
    [InlineData(null, "--points-per-side=0", "--points-per-side")]
    [InlineData(null, "--extent=1,2,3,4", "outside the raster")]
    [InlineData(null, "--extent-crs=EPSG:4326", "--extent-crs needs --extent")]
    [InlineData(null, "--resume", "nothing to resume")]
    [InlineData(null, "--min-area=big", "--min-area")]
    public void Auto_BadInput_OneLineAndExitCode2(string? raster, string option, string expected)
    {
        string output = _dir.File("bad.geojson");
        var args = Args(output, option.Length == 0 ? [] : [option]);
        if (raster is not null) args[1] = _dir.File(raster);

        var r = CliRunner.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Auto_UnknownOutputExtension_ExitCode2()
    {
        var r = CliRunner.Run(Args(_dir.File("out.txt")));
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Error.Trim().Split('\n'));
    }
}
