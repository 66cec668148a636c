using Sam.Geo.Inference;

namespace Sam.Geo.Tests.Inference;

public class SamPromptEncoderTests
{
    private static readonly ModelFrame Frame = ModelFrame.ForImage(1500, 2000); // x' = 0.512 x, y' = 0.512 y

    private static (float[] Coords, float[] Labels) Encode(SamPrompt prompt)
    {
        int n = SamPromptEncoder.PointCount(prompt);
        var coords = new float[2 * n];
        var labels = new float[n];
        SamPromptEncoder.Encode(prompt, Frame, coords, labels);
        return (coords, labels);
    }

    [Fact]
    public void Encode_ClickWithoutBox_AppendsPaddingPoint()
    {
        var (coords, labels) = Encode(SamPrompt.Click(750, 1000));

        Assert.Equal(new[] { 1f, -1f }, labels);
        Assert.Equal(new[] { 383.5f, 511.5f, 0f, 0f }, coords); // minus the graph's +0.5; padding stays (0,0)
    }

    [Fact]
    public void Encode_BoxOnly_NoPaddingPoint()
    {
        var (coords, labels) = Encode(SamPrompt.ForBox(new SamBox(100, 200, 1000, 1500)));

        Assert.Equal(new[] { 2f, 3f }, labels);
        Assert.Equal(new[] { 50.7f, 101.9f, 511.5f, 767.5f }, coords);
    }

    [Fact]
    public void Encode_ClicksAndBox_ClicksFirstThenBoxCorners()
    {
        var prompt = new SamPrompt([new SamPoint(10, 20), new SamPoint(30, 40, IsForeground: false)], new SamBox(500, 600, 5, 6));

        var (coords, labels) = Encode(prompt);

        Assert.Equal(new[] { 1f, 0f, 2f, 3f }, labels);
        Assert.Equal(new[] { (float)(5 * 0.512 - 0.5), (float)(6 * 0.512 - 0.5), (float)(500 * 0.512 - 0.5), (float)(600 * 0.512 - 0.5) }, coords[4..]);
        Assert.Equal(10 * 0.512f - 0.5f, coords[0], 5);
        Assert.Equal(40 * 0.512f - 0.5f, coords[3], 5);
    }

    [Fact]
    public void PointCount_BoxVersusPadding_CountsCorrectly()
    {
        Assert.Equal(2, SamPromptEncoder.PointCount(SamPrompt.Click(1, 1)));
        Assert.Equal(2, SamPromptEncoder.PointCount(SamPrompt.ForBox(new SamBox(0, 0, 1, 1))));
        Assert.Equal(3, SamPromptEncoder.PointCount(new SamPrompt([new SamPoint(1, 1)], new SamBox(0, 0, 1, 1))));
    }

    [Fact]
    public void SamPrompt_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SamPrompt([]));
    }
}
