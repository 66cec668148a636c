using Sam.Geo.Cli.Samples;
using Sam.Geo.Pipeline.Auto;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Pipeline;

public sealed class AutoSegmenterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Run_SceneAcrossSeams_EachObjectFoundOnceWithIouAbove09(int seed)
    {
        var scene = AutoFixture.WriteScene(_dir.File("scene.tif"), 600, 500, seed);
        string output = _dir.File("auto.gpkg");
        var result = AutoFixture.Run(scene.RasterPath, output);
        var features = AutoFixture.ReadPixelFeatures(output, scene.RasterPath);
        Assert.Equal(9, result.TileCount);
        AutoFixture.AssertEachObjectFoundOnce(scene, features, minAreaPixels: 900);
    }
}
