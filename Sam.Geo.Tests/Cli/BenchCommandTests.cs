using System.Text.Json;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public void Bench_VectorizeOneIteration_PrintsOursAndGdalTimingsPerMask()
    {
        var result = CliRunner.Run("bench", "--suite", "vectorize", "--iterations", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("GDAL/ours", result.Out);
        foreach (string mask in new[] { "sam-blobs", "fragmented", "checker-64px", "full" })
        {
            string row = Assert.Single(result.Out.Split('\n'), line => line.Contains(mask));
            // mask, polygons, ours median and p95, GDAL median and p95, ratio
            string[] cells = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(7, cells.Length);
            Assert.All(cells[2..6], ms => Assert.True(double.Parse(ms, System.Globalization.CultureInfo.InvariantCulture) >= 0, ms));
            Assert.Matches(@"^\d+\.\dx (faster|slower)$", cells[6]);
        }
    }

    [Fact]
    public void Bench_VectorizeJson_ReportsBothTimingsAndEqualPolygonCounts()
    {
        var result = CliRunner.Run("bench", "--iterations", "1", "--warmup", "0", "--size", "96", "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("vectorize", doc.RootElement.GetProperty("suite").GetString());
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        foreach (var r in results)
        {
            Assert.Equal(96, r.GetProperty("width").GetInt32());
            Assert.True(r.GetProperty("ours").GetProperty("medianMs").GetDouble() >= 0);
            Assert.True(r.GetProperty("gdal").GetProperty("medianMs").GetDouble() >= 0);
            Assert.Equal(r.GetProperty("gdal").GetProperty("polygons").GetInt32(), r.GetProperty("ours").GetProperty("polygons").GetInt32());
        }
    }

    [Fact]
    public void Bench_UnknownSuite_ExitsTwoWithOneLineError()
    {
        var result = CliRunner.Run("bench", "--suite", "nosuch");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("samgeo: error:", line);
        Assert.Contains("nosuch", line);
    }

    [Fact]
    public void Bench_SegmentSuite_PrintsEveryStage()
    {
        var result = CliRunner.Run("bench", "--suite", "segment", "--iterations", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var stage in new[] { "Projection", "CacheIo", "Decode", "Vectorize", "Write", "total" })
            Assert.Contains(stage, result.Out);
    }

    [Fact]
    public void Bench_AutoSuiteOneSmallRaster_PrintsStagesAndPeakMemory()
    {
        var result = CliRunner.Run("bench", "--suite", "auto", "--sizes", "600", "--iterations", "1");
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        foreach (var text in new[] { "Encode", "Decode", "PostProcess", "SeamMerge", "Vectorize", "Write", "outside the model", "600x600", "peak RSS" })
            Assert.Contains(text, result.Out);
    }

    [Theory]
    [InlineData("--iterations", "0")]
    [InlineData("--size", "0")]
    [InlineData("--warmup", "-1")]
    public void Bench_BadNumber_ExitsTwo(string option, string value)
    {
        var result = CliRunner.Run("bench", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error);
    }
}
