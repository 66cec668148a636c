using Sam.Geo.Export;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using static Sam.Geo.Tests.Export.ExportTestData;

namespace Sam.Geo.Tests.Export;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("out.geojson")]
    [InlineData("out.shp")]
    [InlineData("out.gpkg")]
    public void Dispose_WithoutCommit_LeavesNoFile(string fileName)
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using (var sink = FeatureSinks.Create(_dir.File(fileName), Schema(), utm))
        {
            foreach (var f in Features()) sink.Write(f);
            Assert.NotEmpty(FilesIn(_dir.Path));
        }
        Assert.Empty(FilesIn(_dir.Path));
    }

    [Theory]
    [InlineData("out.geojson")]
    [InlineData("out.shp")]
    [InlineData("out.gpkg")]
    public void Write_ExceptionMidway_LeavesNoFile(string fileName)
    {
        using var utm = SpatialReference.FromEpsg(32632);
        Assert.Throws<ArgumentException>(() =>
        {
            using var sink = FeatureSinks.Create(_dir.File(fileName), Schema(), utm, new FeatureSinkOptions { BatchSize = 1 });
            sink.Write(Features()[0]);
            var bad = Features()[1];
            bad.Attributes.Add("unknown", 1);
            sink.Write(bad);
            sink.Commit();
        });
        Assert.Empty(FilesIn(_dir.Path));
    }

    [Fact]
    public void Begin_ExistingOutput_RefusedNamingIt()
    {
        File.WriteAllText(_dir.File("out.geojson"), "old");
        var e = Assert.Throws<SamGeoInputException>(() => AtomicOutput.Begin(_dir.File("out.geojson"), overwrite: false));
        Assert.Contains(_dir.File("out.geojson"), e.Message);
        Assert.Equal("old", File.ReadAllText(_dir.File("out.geojson")));
    }

    [Fact]
    public void Begin_ExistingShapefileSidecar_RefusedNamingIt()
    {
        File.WriteAllText(_dir.File("out.dbf"), "old");
        var e = Assert.Throws<SamGeoInputException>(() => AtomicOutput.Begin(_dir.File("out.shp"), overwrite: false));
        Assert.Contains("out.dbf", e.Message);
    }

    [Fact]
    public void Commit_Overwrite_ReplacesExistingFile()
    {
        File.WriteAllText(_dir.File("out.json"), "old");
        using (var output = AtomicOutput.Begin(_dir.File("out.json"), overwrite: true))
        {
            File.WriteAllText(output.TemporaryPath, "new");
            Assert.Equal("old", File.ReadAllText(_dir.File("out.json")));
            output.Commit();
        }
        Assert.Equal("new", File.ReadAllText(_dir.File("out.json")));
        Assert.Equal(["out.json"], FilesIn(_dir.Path));
    }

    [Fact]
    public void Commit_OverwriteShapefile_ReplacesAllFilesAndDropsStaleSidecars()
    {
        foreach (string ext in new[] { ".shp", ".shx", ".dbf", ".qix" }) File.WriteAllText(_dir.File("out" + ext), "old");
        using var utm = SpatialReference.FromEpsg(32632);
        using (var sink = FeatureSinks.Create(_dir.File("out.shp"), Schema(), utm, new FeatureSinkOptions { Overwrite = true }))
        {
            sink.Write(Features()[0]);
            sink.Commit();
        }
        Assert.Equal(["out.cpg", "out.dbf", "out.prj", "out.shp", "out.shx"], FilesIn(_dir.Path));
        Assert.Single(ReadBack(_dir.File("out.shp")).Features);
    }

    [Fact]
    public void Begin_MissingFolder_ErrorNamesTheFolder()
    {
        string folder = _dir.File("nowhere");
        var e = Assert.Throws<SamGeoInputException>(() => AtomicOutput.Begin(Path.Combine(folder, "out.gpkg"), overwrite: false));
        Assert.Contains(folder, e.Message);
    }

    [Fact]
    public void Begin_UnknownExtension_ErrorListsSupportedOnes()
    {
        var e = Assert.Throws<SamGeoInputException>(() => AtomicOutput.Begin(_dir.File("out.kml"), overwrite: false));
        Assert.Contains(".kml", e.Message);
        Assert.Contains(".geojson, .json, .shp, .gpkg, .tif, .tiff", e.Message);
    }

    [Fact]
    public void TemporaryPath_SameFolderSameExtensionNotTheTarget()
    {
        using var output = AtomicOutput.Begin(_dir.File("out.shp"), overwrite: false);
        Assert.Equal(_dir.Path, Path.GetDirectoryName(output.TemporaryPath));
        Assert.Equal(".shp", Path.GetExtension(output.TemporaryPath));
        Assert.NotEqual(output.TargetPath, output.TemporaryPath);
        Assert.Equal(OutputFormat.Shapefile, output.Format);
    }
}
