using FsCheck;
using FsCheck.Xunit;
using Sam.Geo.Inference;

namespace Sam.Geo.Tests.Inference;

public class ModelFrameTests
{
    [Theory]
    [InlineData(1500, 2000, 768, 1024)]
    [InlineData(2000, 1500, 1024, 768)]
    [InlineData(1024, 1024, 1024, 1024)]
    [InlineData(300, 5000, 61, 1024)]
    [InlineData(1, 1, 1024, 1024)]
    [InlineData(300, 200, 1024, 683)]
    public void ForImage_Size_ResizesLongSideTo1024(int width, int height, int newWidth, int newHeight)
    {
        var frame = ModelFrame.ForImage(width, height);

        Assert.Equal(newWidth, frame.ResizedWidth);
        Assert.Equal(newHeight, frame.ResizedHeight);
        Assert.Equal(width, frame.OriginalWidth);
        Assert.Equal(height, frame.OriginalHeight);
    }

    [Fact]
    public void ForImage_ZeroWidth_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelFrame.ForImage(0, 10));
    }

    [Fact]
    public void ToModel_NonSquareWindow_ScalesByResizedOverOriginalWithoutHalfPixel()
    {
        var frame = ModelFrame.ForImage(1500, 2000);

        var (x, y) = frame.ToModel(750, 1000);
        var (x0, y0) = frame.ToModel(0, 0);

        Assert.Equal(384.0, x, 9);
        Assert.Equal(512.0, y, 9);
        Assert.Equal((0.0, 0.0), (x0, y0));
    }

    [Fact]
    public void ToModel_RoundedResizedWidth_UsesNewwOverW()
    {
        var frame = ModelFrame.ForImage(300, 5000); // neww = 61, not 300 * 0.2048 = 61.44

        Assert.Equal(300 * 61.0 / 300, frame.ToModel(300, 0).X, 9);
        Assert.Equal(150 * (61.0 / 300), frame.ToModel(150, 0).X, 12);
    }

    [Property]
    public bool ToOriginal_AfterToModel_ReturnsThePoint(PositiveInt width, PositiveInt height, NormalFloat x, NormalFloat y)
    {
        var frame = ModelFrame.ForImage(width.Get % 20000 + 1, height.Get % 20000 + 1);
        var (mx, my) = frame.ToModel(x.Get, y.Get);
        var (ox, oy) = frame.ToOriginal(mx, my);
        return Math.Abs(ox - x.Get) <= 1e-9 * (1 + Math.Abs(x.Get)) && Math.Abs(oy - y.Get) <= 1e-9 * (1 + Math.Abs(y.Get));
    }
}
