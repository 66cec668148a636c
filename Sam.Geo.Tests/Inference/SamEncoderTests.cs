using Sam.Geo.Inference;
using Sam.Geo.Tests.Fixtures.Onnx;

namespace Sam.Geo.Tests.Inference;

public class SamEncoderTests
{
    [Theory]
    [InlineData(300, 200)]
    [InlineData(1500, 2000)]
    public void Encode_BothInputStyles_GiveIdenticalEmbeddings(int width, int height)
    {
        var rgb = Scenes.Noise(width, height, seed: width);
        using var nchw = SamEncoder.Load(Path.Combine(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box), "encoder.onnx"));
        using var hwc = SamEncoder.Load(Path.Combine(TestModels.Get(TestEncoder.Hwc, TestDecoder.Box), "encoder.onnx"));

        var a = nchw.Encode(rgb, width, height);
        var b = hwc.Encode(rgb, width, height);

        Assert.Equal(a.Frame, b.Frame);
        Assert.Equal(ModelFrame.ForImage(width, height), a.Frame);
        for (int i = 0; i < ImageEmbedding.Length; i++) Assert.Equal(a.Data[i], b.Data[i], 5);
        Assert.Contains(a.Data, v => v != 0f);
    }

    [Fact]
    public void Encode_WideWindow_PaddingStaysZero()
    {
        using var encoder = SamEncoder.Load(Path.Combine(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box), "encoder.onnx"));
        var rgb = Enumerable.Repeat((byte)250, 400 * 100 * 3).ToArray(); // 1024 x 256 in the model frame

        var embedding = encoder.Encode(rgb, 400, 100);

        // SpaceToDepth(16): channel 0 at (row, col) holds model pixel (16*row, 16*col)
        Assert.NotEqual(0f, embedding.Data[15 * 64 + 63]); // model row 240: image
        Assert.Equal(0f, embedding.Data[16 * 64]);         // model row 256: padding
    }

    [Fact]
    public void Encode_ShortBuffer_Throws()
    {
        using var encoder = SamEncoder.Load(Path.Combine(TestModels.Get(TestEncoder.Nchw, TestDecoder.Box), "encoder.onnx"));

        Assert.Throws<ArgumentException>(() => encoder.Encode(new byte[10], 4, 4));
    }

    [Fact]
    public void Encode_GraphFailsAtRunTime_OneLineModelContractException()
    {
        // Valid metadata, but the graph reshapes h*w*3 values into 256*64*64: fails for any real image.
        var g = new OnnxGraph();
        g.Input("input_image", OnnxGraph.Float, "h", "w", 3L);
        g.Output("image_embeddings", OnnxGraph.Float, 1L, 256L, 64L, 64L);
        g.Node("Reshape", ["input_image", g.ConstI64([1, 256, 64, 64], 4)], ["image_embeddings"]);
        string path = Path.Combine(Path.GetTempPath(), $"samgeo-failing-encoder-{Environment.ProcessId}.onnx");
        File.WriteAllBytes(path, g.ToModel());
        try
        {
            using var encoder = SamEncoder.Load(path);

            var e = Assert.Throws<ModelContractException>(() => encoder.Encode(Scenes.Noise(300, 200, seed: 1), 300, 200));

            Assert.Equal(path, e.ModelPath);
            Assert.Contains("encoder run failed", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
