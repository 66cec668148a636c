using Sam.Geo.Inference;

namespace Sam.Geo.Tests.Inference;

public class SamPreprocessorTests
{
    private const int Plane = 1024 * 1024;

    [Fact]
    public void ToNormalizedNchw_SmallImage_NormalisesPerChannelAndZeroPads()
    {
        byte[] rgb = [255, 0, 128, 255, 0, 128, 255, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0]; // 3x2
        var tensor = new float[SamPreprocessor.TensorLength];
        Array.Fill(tensor, float.NaN);

        SamPreprocessor.ToNormalizedNchw(rgb, 3, 2, tensor);

        Assert.Equal((255 - 123.675f) / 58.395f, tensor[0], 6);
        Assert.Equal((0 - 116.28f) / 57.12f, tensor[Plane], 6);
        Assert.Equal((128 - 103.53f) / 57.375f, tensor[2 * Plane + 2], 6);
        Assert.Equal((0 - 123.675f) / 58.395f, tensor[1024], 6);   // row 1, col 0, red
        Assert.Equal(0f, tensor[3]);                                 // row 0, col 3: right padding
        Assert.Equal(0f, tensor[2 * 1024]);                          // row 2: bottom padding
        Assert.Equal(0f, tensor[^1]);
        Assert.DoesNotContain(tensor, float.IsNaN);
    }

    [Fact]
    public void ResizeLongSide_TallWindow_ReturnsFrameAndResizedPixels()
    {
        var rgb = Enumerable.Repeat((byte)9, 300 * 600 * 3).ToArray();
        var resized = new byte[1024 * 1024 * 3];

        var frame = SamPreprocessor.ResizeLongSide(rgb, 300, 600, resized);

        Assert.Equal((512, 1024), (frame.ResizedWidth, frame.ResizedHeight));
        Assert.All(resized.AsSpan(0, 512 * 1024 * 3).ToArray(), v => Assert.Equal(9, v));
    }

    [Fact]
    public void ToHwcPixels_Bytes_CopiedAsFloats()
    {
        var hwc = new float[3];

        SamPreprocessor.ToHwcPixels(new byte[] { 0, 128, 255 }, hwc);

        Assert.Equal(new[] { 0f, 128f, 255f }, hwc);
    }
}
