using Sam.Geo.Inference;

namespace Sam.Geo.Tests.Inference;

/// <summary>Expected values are worked by hand from Pillow's ImagingResample (triangle filter, 22-bit weights).</summary>
public class PilBilinearResizeTests
{
    [Fact]
    public void Resize_ConstantImage_StaysConstant()
    {
        var src = Enumerable.Repeat((byte)77, 7 * 5 * 3).ToArray();
        var dst = new byte[3 * 2 * 3];

        PilBilinearResize.Resize(src, 7, 5, dst, 3, 2);

        Assert.All(dst, v => Assert.Equal(77, v));
    }

    [Theory]
    [InlineData(10, 20, 15)]
    [InlineData(10, 21, 16)] // 15.5 rounds half up
    [InlineData(0, 255, 128)]
    public void Resize_TwoPixelsToOne_Averages(byte a, byte b, byte expected)
    {
        var dst = new byte[1];

        PilBilinearResize.Resize(new[] { a, b }, 2, 1, dst, 1, 1, channels: 1);

        Assert.Equal(expected, dst[0]);
    }

    [Fact]
    public void Resize_ThreeToOne_WidensTriangleFilter()
    {
        // support 3: weights 2/7, 3/7, 2/7 -> 270/7 = 38.57 (a box average would give 40, sampling 30)
        var dst = new byte[1];

        PilBilinearResize.Resize(new byte[] { 0, 30, 90 }, 3, 1, dst, 1, 1, channels: 1);

        Assert.Equal(39, dst[0]);
    }

    [Fact]
    public void Resize_TwoToFour_InterpolatesAtPixelCentres()
    {
        var dst = new byte[4];

        PilBilinearResize.Resize(new byte[] { 0, 100 }, 2, 1, dst, 4, 1, channels: 1);

        Assert.Equal(new byte[] { 0, 25, 75, 100 }, dst);
    }

    [Fact]
    public void Resize_TwoByTwoToOne_RoundsAfterEachPass()
    {
        // rows [0,1] and [1,2]: horizontal pass rounds 0.5 -> 1 and 1.5 -> 2, vertical 1.5 -> 2 (exact mean is 1)
        var dst = new byte[1];

        PilBilinearResize.Resize(new byte[] { 0, 1, 1, 2 }, 2, 2, dst, 1, 1, channels: 1);

        Assert.Equal(2, dst[0]);
    }

    [Fact]
    public void Resize_RgbChannels_ResampledIndependently()
    {
        byte[] src = [10, 200, 0, 20, 100, 255];
        var dst = new byte[3];

        PilBilinearResize.Resize(src, 2, 1, dst, 1, 1);

        Assert.Equal(new byte[] { 15, 150, 128 }, dst);
    }

    [Fact]
    public void Resize_SameSize_CopiesUnchanged()
    {
        var src = Scenes.Noise(5, 4, seed: 3);
        var dst = new byte[src.Length];

        PilBilinearResize.Resize(src, 5, 4, dst, 5, 4);

        Assert.Equal(src, dst);
    }

    [Fact]
    public void Resize_VerticalOnly_MatchesTransposedHorizontal()
    {
        var dst = new byte[4];

        PilBilinearResize.Resize(new byte[] { 0, 100 }, 1, 2, dst, 1, 4, channels: 1);

        Assert.Equal(new byte[] { 0, 25, 75, 100 }, dst);
    }
}
