using Sam.Geo.Raster;
using Sam.Geo.Vectorization;
using static Sam.Geo.Tests.Vectorization.MaskFixtures;

namespace Sam.Geo.Tests.Vectorization;

public class MaskMeasuresTests
{
    [Fact]
    public void BoundingBox_ScatteredPixels_TightWindow()
    {
        var (mask, w, h) = Parse("......", "..#...", "....#.", ".#....", "......");
        Assert.Equal(new PixelWindow(1, 1, 4, 3), MaskMeasures.BoundingBox(mask, w, h));
    }

    [Fact]
    public void BoundingBox_EmptyMask_EmptyWindow()
    {
        var (mask, w, h) = Parse("...", "...");
        Assert.True(MaskMeasures.BoundingBox(mask, w, h).IsEmpty);
    }

    [Fact]
    public void BoundingBox_FullMask_WholeRaster()
    {
        var (mask, w, h) = Parse("###", "###");
        Assert.Equal(new PixelWindow(0, 0, 3, 2), MaskMeasures.BoundingBox(mask, w, h));
    }

    [Fact]
    public void BoundingBox_MatchesVectorisedEnvelope()
    {
        var (mask, w, h) = MaskVectorizerPropertyTests.RandomBlobs(50, 40, seed: 2);
        var box = MaskMeasures.BoundingBox(mask, w, h);
        var envelope = new NetTopologySuite.Geometries.Envelope();
        foreach (var p in MaskVectorizer.Vectorize(mask, w, h))
            envelope.ExpandToInclude(p.EnvelopeInternal);
        Assert.Equal((envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY), ((double)box.Col, (double)box.Row, (double)box.ColEnd, (double)box.RowEnd));
    }

    [Fact]
    public void CountSetPixels_MixedValues_CountsNonZero()
    {
        Assert.Equal(3, MaskMeasures.CountSetPixels([0, 1, 255, 0, 7]));
    }

    [Fact]
    public void MeasureLabels_TwoLabels_AreaAndBoundsPerLabel()
    {
        int[] labels =
        [
            0, 1, 1, 0,
            2, 0, 1, 0,
            2, 0, 0, 0,
        ];
        var measures = MaskMeasures.MeasureLabels(labels, 4, 3);
        Assert.Equal(2, measures.Count);
        Assert.Equal(new LabelMeasure(3, new PixelWindow(1, 0, 2, 2)), measures[1]);
        Assert.Equal(new LabelMeasure(2, new PixelWindow(0, 1, 1, 2)), measures[2]);
    }

    [Fact]
    public void BoundingBox_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => MaskMeasures.BoundingBox(new byte[3], 2, 2));
    }
}
