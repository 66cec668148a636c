using Sam.Geo.Inference;

namespace Sam.Geo.Tests.Inference;

public class SamMaskPredictionTests
{
    private static SamMaskPrediction Make(float[] ious, int pointCount, params float[] logits)
    {
        var p = new SamMaskPrediction(ious.Length, logits.Length / ious.Length, 1) { PointCount = pointCount };
        ious.CopyTo(p.IouPredictions, 0);
        logits.CopyTo(p.Masks, 0);
        return p;
    }

    [Fact]
    public void BestIndex_FourMasksAmbiguousPrompt_SkipsTokenZero()
    {
        var p = Make([0.99f, 0.2f, 0.7f, 0.5f], pointCount: 2, 0, 0, 0, 0);

        Assert.Equal(2, p.BestIndex);
    }

    [Fact]
    public void BestIndex_FourMasksThreePoints_TokenZero()
    {
        var p = Make([0.1f, 0.2f, 0.7f, 0.5f], pointCount: 3, 0, 0, 0, 0);

        Assert.Equal(0, p.BestIndex);
    }

    [Fact]
    public void BestIndex_SingleMask_Zero()
    {
        Assert.Equal(0, Make([0.1f], pointCount: 2, 0).BestIndex);
    }

    [Fact]
    public void GetStabilityScore_Logits_CountsAboveOffsetOverAboveMinusOffset()
    {
        var p = Make([0.9f], pointCount: 2, 5f, 2f, 0.5f, -0.5f, -2f);

        Assert.Equal(2f / 4f, p.GetStabilityScore(0), 6);
        Assert.Equal(0f, Make([0.9f], 2, -3f, -4f).GetStabilityScore(0));
    }

    [Fact]
    public void GetBinaryMask_Logits_StrictlyPositiveIsOne()
    {
        var p = Make([0.9f], pointCount: 2, 0.1f, 0f, -0.1f);

        Assert.Equal(new byte[] { 1, 0, 0 }, p.GetBinaryMask(0));
    }
}
