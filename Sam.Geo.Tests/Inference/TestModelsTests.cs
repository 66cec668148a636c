using Microsoft.ML.OnnxRuntime;
using Sam.Geo.Tests.Fixtures.Onnx;

namespace Sam.Geo.Tests.Inference;

/// <summary>The hand-built fixture models load and behave as documented, checked with raw ONNX Runtime.</summary>
public class TestModelsTests
{
    [Fact]
    public void NchwEncoder_ConstantImage_EmbeddingIsChannelMean()
    {
        using var session = new InferenceSession(TestModels.BuildEncoder(TestEncoder.Nchw));
        var input = new float[3 * 1024 * 1024];
        Array.Fill(input, 1f, 0, 1024 * 1024);          // channel 0 = 1
        Array.Fill(input, 2f, 1024 * 1024, 1024 * 1024); // channel 1 = 2, channel 2 = 0
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, 1024, 1024]);
        using var outputs = session.Run(new RunOptions(), ["image"], [value], ["image_embeddings"]);

        Assert.Equal(new long[] { 1, 256, 64, 64 }, outputs[0].GetTensorTypeAndShape().Shape);
        Assert.All(outputs[0].GetTensorDataAsSpan<float>().ToArray(), v => Assert.Equal(1f, v, 6));
    }

    [Fact]
    public void HwcEncoder_SmallImage_PadsToFullEmbedding()
    {
        using var session = new InferenceSession(TestModels.BuildEncoder(TestEncoder.Hwc));
        var input = new float[10 * 20 * 3];
        Array.Fill(input, 200f);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [10, 20, 3]);
        using var outputs = session.Run(new RunOptions(), ["input_image"], [value], ["image_embeddings"]);

        var data = outputs[0].GetTensorDataAsSpan<float>();
        Assert.Equal(256 * 64 * 64, data.Length);
        float expected = ((200f - 123.675f) / 58.395f + (200f - 116.28f) / 57.12f + (200f - 103.53f) / 57.375f) / 3f;
        Assert.Equal(expected, data[0], 5); // channel 0 holds pixel (0,0) of each 16x16 block
        Assert.Equal(0f, data[64 * 64 - 1]);  // block (63,63) lies in the padding
    }

    [Theory]
    [InlineData(TestDecoder.Box, 1)]
    [InlineData(TestDecoder.Multimask, 4)]
    [InlineData(TestDecoder.Region, 1)]
    public void Decoder_RunsWithOfficialInputs_ReturnsOfficialShapes(TestDecoder kind, int maskCount)
    {
        using var session = new InferenceSession(TestModels.BuildDecoder(kind));
        using var emb = OrtValue.CreateTensorValueFromMemory(new float[256 * 64 * 64], [1, 256, 64, 64]);
        using var coords = OrtValue.CreateTensorValueFromMemory(new float[] { 5, 5, 10, 10, 50, 40 }, [1, 3, 2]);
        using var labels = OrtValue.CreateTensorValueFromMemory(new float[] { 1, 2, 3 }, [1, 3]);
        using var mask = OrtValue.CreateTensorValueFromMemory(new float[256 * 256], [1, 1, 256, 256]);
        using var has = OrtValue.CreateTensorValueFromMemory(new float[] { 0 }, [1]);
        using var size = OrtValue.CreateTensorValueFromMemory(new float[] { 60, 100 }, [2]);
        using var outputs = session.Run(new RunOptions(),
            ["image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input", "orig_im_size"],
            [emb, coords, labels, mask, has, size], ["masks", "iou_predictions", "low_res_masks"]);

        Assert.Equal(new long[] { 1, maskCount, 60, 100 }, outputs[0].GetTensorTypeAndShape().Shape);
        Assert.Equal(new long[] { 1, maskCount }, outputs[1].GetTensorTypeAndShape().Shape);
        Assert.Equal(new long[] { 1, maskCount, 256, 256 }, outputs[2].GetTensorTypeAndShape().Shape);
    }
}
