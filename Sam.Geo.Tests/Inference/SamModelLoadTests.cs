using Sam.Geo.Inference;
using Sam.Geo.Tests.Fixtures.Onnx;

namespace Sam.Geo.Tests.Inference;

public class SamModelLoadTests
{
    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "samgeo-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void AssertOneLine(Exception e)
    {
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("   at ", e.Message);
    }

    [Theory]
    [InlineData(TestEncoder.Nchw, EncoderInputStyle.NormalizedNchw)]
    [InlineData(TestEncoder.Hwc, EncoderInputStyle.HwcPixels)]
    public void Load_Directory_DetectsEncoderStyle(TestEncoder kind, EncoderInputStyle expected)
    {
        using var model = SamModel.Load(TestModels.Get(kind, TestDecoder.Box));

        Assert.Equal(expected, model.Encoder.InputStyle);
        Assert.Equal(1, model.Decoder.MaskCount);
    }

    [Fact]
    public void Load_MultimaskDecoder_ReadsFourMasks()
    {
        using var decoder = SamDecoder.Load(Path.Combine(TestModels.Get(TestEncoder.Nchw, TestDecoder.Multimask), "decoder.onnx"));

        Assert.Equal(4, decoder.MaskCount);
    }

    [Fact]
    public void Load_MissingDirectory_NamesThePath()
    {
        string dir = Path.Combine(Path.GetTempPath(), "samgeo-no-such-dir-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<SamGeoInputException>(() => SamModel.Load(dir));

        Assert.Contains(dir, e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Load_MissingDecoderFile_NamesThePath()
    {
        string dir = TempDir();
        File.Copy(Path.Combine(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box), "encoder.onnx"), Path.Combine(dir, "encoder.onnx"));

        var e = Assert.Throws<SamGeoInputException>(() => SamModel.Load(dir));

        Assert.Contains(Path.Combine(dir, "decoder.onnx"), e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Load_DecoderWithoutOrigImSize_NamesFileAndInput()
    {
        var e = Assert.Throws<ModelContractException>(() => SamModel.Load(TestModels.Get(TestEncoder.Nchw, TestDecoder.MissingOrigImSize)));

        Assert.EndsWith("decoder.onnx", e.ModelPath);
        Assert.Contains("decoder.onnx: input 'orig_im_size' [2] float32 is missing", e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Load_PointCoordsOfRankTwo_NamesExpectedAndActualShape()
    {
        var e = Assert.Throws<ModelContractException>(() => SamModel.Load(TestModels.Get(TestEncoder.Nchw, TestDecoder.WrongPointCoordsRank)));

        Assert.Contains("decoder.onnx: input 'point_coords' has shape [num_points,2] float32; expected [1,N,2] float32", e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Load_EncoderWithWrongOutputShape_NamesOutput()
    {
        var e = Assert.Throws<ModelContractException>(() => SamModel.Load(TestModels.Get(TestEncoder.WrongOutputShape, TestDecoder.Box)));

        Assert.Contains("encoder.onnx: output 'image_embeddings' has shape [1,256,32,32] float32; expected [1,256,64,64] float32", e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Load_StyleOverrideContradictsModel_NamesInput()
    {
        string dir = TestModels.Get(TestEncoder.Nchw, TestDecoder.Box);

        var e = Assert.Throws<ModelContractException>(() =>
            SamModel.Load(dir, new SamModelOptions { EncoderInputStyle = EncoderInputStyle.HwcPixels }));

        Assert.Contains("input 'image' has shape [1,3,1024,1024] float32; expected [h,w,3] float32", e.Message);
    }

    [Fact]
    public void Load_NotAnOnnxFile_OneLineContractError()
    {
        string dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "encoder.onnx"), "this is not a model");
        File.Copy(Path.Combine(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box), "decoder.onnx"), Path.Combine(dir, "decoder.onnx"));

        var e = Assert.Throws<ModelContractException>(() => SamModel.Load(dir));

        Assert.Contains("encoder.onnx: not a loadable ONNX model", e.Message);
        AssertOneLine(e);
    }

    [Fact]
    public void Load_ManifestNamingOtherFiles_LoadsThem()
    {
        string dir = TempDir();
        string source = TestModels.Get(TestEncoder.Hwc, TestDecoder.Multimask);
        File.Copy(Path.Combine(source, "encoder.onnx"), Path.Combine(dir, "mobile_enc.onnx"));
        File.Copy(Path.Combine(source, "decoder.onnx"), Path.Combine(dir, "mobile_dec.onnx"));
        File.WriteAllText(Path.Combine(dir, SamModel.ManifestFileName),
            """{"encoder": "mobile_enc.onnx", "decoder": "mobile_dec.onnx", "family": "mobilesam", "encoderInput": "hwc"}""");

        using var model = SamModel.Load(dir);

        Assert.Equal(EncoderInputStyle.HwcPixels, model.Encoder.InputStyle);
        Assert.EndsWith("mobile_dec.onnx", model.Decoder.ModelPath);
        Assert.Equal(4, model.Decoder.MaskCount);
    }

    [Fact]
    public void Load_ManifestWithUnsupportedFamily_NamesFamily()
    {
        string dir = TempDir();
        File.WriteAllText(Path.Combine(dir, SamModel.ManifestFileName), """{"family": "sam2"}""");

        var e = Assert.Throws<ModelContractException>(() => SamModel.Load(dir));

        Assert.Contains("samgeo-model.json: family 'sam2' is not supported", e.Message);
    }

    [Fact]
    public void Load_CudaWithoutProvider_TypedOneLineError()
    {
        if (Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider"))
            return; // a CUDA build: nothing to refuse

        var e = Assert.Throws<InferenceDeviceException>(() =>
            SamModel.Load(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box), new SamModelOptions { Device = InferenceDevice.Cuda }));

        Assert.Contains("'cuda' is not available", e.Message);
        AssertOneLine(e);
    }
}
