using Sam.Geo.Inference;
using Sam.Geo.Tests.Fixtures.Onnx;
using Sam.Geo.Tests.Samples;

namespace Sam.Geo.Tests.Inference;

/// <summary>
/// The stand-in model committed in <c>sample-rasters/standin-model/</c> for the README's quick start is
/// built by <see cref="TestModels"/>; these tests keep the committed files equal to a fresh build.
/// To regenerate them after changing the builder, run the tests with <c>SAMGEO_WRITE_STANDIN=1</c>:
/// <c>SAMGEO_WRITE_STANDIN=1 dotnet test SamGeo.sln --filter StandinModelTests</c>, then commit the files.
/// </summary>
public sealed class StandinModelTests
{
    /// <summary>The stand-in's encoder: normalised NCHW input, grey image folded into the embedding.</summary>
    public const TestEncoder Encoder = TestEncoder.Nchw;

    /// <summary>The stand-in's decoder: the connected region of nearly the clicked grey level.</summary>
    public const TestDecoder Decoder = TestDecoder.ConnectedRegion;

    private static string Directory => SamplePaths.CommittedFile("standin-model");

    public static TheoryData<string> Files => new("encoder.onnx", "decoder.onnx");

    [Theory]
    [MemberData(nameof(Files))]
    public void CommittedFile_EqualsFreshBuild(string file)
    {
        byte[] fresh = file == "encoder.onnx" ? TestModels.BuildEncoder(Encoder) : TestModels.BuildDecoder(Decoder);
        string path = Path.Combine(Directory, file);
        if (Environment.GetEnvironmentVariable("SAMGEO_WRITE_STANDIN") == "1") File.WriteAllBytes(path, fresh);
        Assert.True(File.Exists(path), $"{path} is missing; write it with SAMGEO_WRITE_STANDIN=1 (see {nameof(StandinModelTests)})");
        Assert.True(fresh.AsSpan().SequenceEqual(File.ReadAllBytes(path)),
            $"{path} differs from what TestModels builds; regenerate with SAMGEO_WRITE_STANDIN=1 (see {nameof(StandinModelTests)})");
    }

    [Fact]
    public void Load_Manifest_NamesTheStandinAndWarnsItIsNotSam()
    {
        using var model = SamModel.Load(Directory);
        Assert.Equal("standin", model.Name);
        Assert.NotNull(model.Notice);
        Assert.Contains("NOT Segment Anything", model.Notice);
        Assert.Contains("README", model.Notice);
        Assert.Equal(EncoderInputStyle.NormalizedNchw, model.Encoder.InputStyle);
    }
}
