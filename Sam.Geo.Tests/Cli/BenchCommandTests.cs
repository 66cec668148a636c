using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Cli;

/// <summary>The bench command runs its suites (figures are not asserted: they depend on the machine).</summary>
public sealed class BenchCommandTests
{
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

    [Fact]
    public void Bench_UnknownSuite_OneLineErrorExit2()
    {
        var result = CliRunner.Run("bench", "--suite", "nope");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown suite 'nope'", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
