using Sam.Geo.Tests.Fixtures;
using Sam.Geo.Tests.Fixtures.Onnx;

namespace Sam.Geo.Tests.Cli;

/// <summary>Every bad input to <c>samgeo segment</c>: one line naming the culprit, exit code 2, no output left.</summary>
public sealed class SegmentCommandErrorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Model => TestModels.Get(TestEncoder.Nchw, TestDecoder.Box);

    private static string Raster => SampleData.Raster("rgb-utm");

    private CliRunner.Result Segment(params string[] extra) =>
        CliRunner.Run(["segment", Raster, "--model", Model, "--no-cache", .. extra]);

    private void AssertUserError(CliRunner.Result result, params string[] mentions)
    {
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("samgeo: error: ", line);
        foreach (var m in mentions) Assert.Contains(m, line);
        Assert.Empty(Directory.GetFiles(_dir.Path)); // nothing half-written left behind
    }

    [Fact]
    public void Segment_PointOutsideRaster_NamesThePoint()
    {
        AssertUserError(Segment("--point", "10.5,46.2", "--prompt-crs", "EPSG:4326", "-o", _dir.File("o.geojson")),
            "point 10.5,46.2", "outside the raster", "--skip-outside");
    }

    [Fact]
    public void Segment_SkipOutside_SkipsWithWarningAndWritesTheRest()
    {
        string prompts = _dir.File("p.geojson");
        File.WriteAllText(prompts, """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"object":"far"},"geometry":{"type":"Point","coordinates":[10.5,46.2]}},
             {"type":"Feature","properties":{"object":"box"},"geometry":{"type":"Polygon","coordinates":[[[9.0034,45.0020],[9.0043,45.0020],[9.0043,45.0025],[9.0034,45.0025],[9.0034,45.0020]]]}}]}
            """);
        var result = Segment("--prompts", prompts, "--skip-outside", "-o", _dir.File("o.geojson"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("object far", result.Out);
        Assert.Contains("skipped", result.Out);
        Assert.True(File.Exists(_dir.File("o.geojson")));
    }

    [Fact]
    public void Segment_UnknownPromptCrs_NamesIt()
    {
        AssertUserError(Segment("--point", "1,2", "--prompt-crs", "EPSG:99999999", "-o", _dir.File("o.geojson")), "unknown CRS 'EPSG:99999999'");
    }

    [Fact]
    public void Segment_UnreadablePromptFile_NamesIt()
    {
        string prompts = _dir.File("broken.geojson");
        File.WriteAllText(prompts, "{ not json");
        var result = Segment("--prompts", prompts, "-o", _dir.File("o.geojson"));
        File.Delete(prompts);
        AssertUserError(result, prompts);
    }

    [Fact]
    public void Segment_WrongLabelValue_NamesFeatureAndValue()
    {
        string prompts = _dir.File("labels.geojson");
        File.WriteAllText(prompts, """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"label":7},"geometry":{"type":"Point","coordinates":[9.0038,45.0022]}}]}
            """);
        var result = Segment("--prompts", prompts, "-o", _dir.File("o.geojson"));
        File.Delete(prompts);
        AssertUserError(result, "label", "7");
    }

    [Fact]
    public void Segment_OutputFolderMissing_NamesTheFolder()
    {
        string output = Path.Combine(_dir.Path, "no-such-folder", "o.geojson");
        AssertUserError(Segment("--point", "500000,4982950", "-o", output), "output folder does not exist", "no-such-folder");
    }

    [Fact]
    public void Segment_OutputExists_RefusedUnlessOverwrite()
    {
        string output = _dir.File("exists.gpkg");
        File.WriteAllText(output, "keep me");
        var refused = Segment("--point", "500000,4982950", "-o", output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("output already exists", refused.Error);
        Assert.Equal("keep me", File.ReadAllText(output));
        var replaced = Segment("--point", "500000,4982950", "-o", output, "--overwrite");
        Assert.Equal(0, replaced.ExitCode);
        Assert.NotEqual("keep me", File.ReadAllText(output));
        File.Delete(output);
    }

    [Fact]
    public void Segment_UnknownExtension_ListsSupported()
    {
        AssertUserError(Segment("--point", "500000,4982950", "-o", _dir.File("o.kml")), ".kml", ".geojson", ".gpkg");
    }

    [Fact]
    public void Segment_MalformedPoint_NamesOption()
    {
        AssertUserError(Segment("--point", "500500;4982500", "-o", _dir.File("o.geojson")), "--point", "500500;4982500");
    }

    [Fact]
    public void Segment_MissingModel_NamesDirectory()
    {
        var result = CliRunner.Run(["segment", Raster, "--model", _dir.File("nomodel"), "--point", "500000,4982950", "-o", _dir.File("o.geojson")]);
        AssertUserError(result, "SAM model directory not found", "nomodel");
    }

    [Fact]
    public void Segment_ModelWithWrongInputs_NamesFileAndInput()
    {
        var result = CliRunner.Run(["segment", Raster, "--model", TestModels.Get(TestEncoder.Nchw, TestDecoder.MissingOrigImSize),
            "--no-cache", "--point", "500000,4982950", "-o", _dir.File("o.geojson")]);
        AssertUserError(result, "decoder.onnx", "orig_im_size");
    }

    [Fact]
    public void Segment_BandOutOfRange_NamesBand()
    {
        AssertUserError(Segment("--bands", "1,2,9", "--point", "500000,4982950", "-o", _dir.File("o.geojson")), "band 9 does not exist");
    }

    [Fact]
    public void Segment_RasterWithoutGeoreference_Fails()
    {
        string plain = Path.Combine(Path.GetTempPath(), $"samgeo-plain-{Guid.NewGuid():N}.tif");
        using (var r = Sam.Geo.Raster.GeoRaster.Create(plain, 8, 8, 3, Sam.Geo.Raster.RasterDataType.Byte, null, null)) { }
        try
        {
            var result = CliRunner.Run(["segment", plain, "--model", Model, "--no-cache", "--point", "1,1", "-o", _dir.File("o.geojson")]);
            AssertUserError(result, "no georeference", plain);
        }
        finally { File.Delete(plain); }
    }
}
