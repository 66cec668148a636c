using Sam.Geo.Inference;
using Sam.Geo.Tests.Fixtures.Onnx;

namespace Sam.Geo.Tests.Inference;

public class SamDecoderTests
{
    private static SamModel Load(TestEncoder encoder, TestDecoder decoder) =>
        SamModel.Load(TestModels.Get(encoder, decoder), new SamModelOptions { IntraOpThreads = 1 });

    [Theory]
    [InlineData(TestEncoder.Nchw, 300, 200)]
    [InlineData(TestEncoder.Hwc, 300, 200)]
    [InlineData(TestEncoder.Nchw, 1500, 2000)]
    [InlineData(TestEncoder.Hwc, 1500, 2000)]
    public void Decode_Box_MaskEqualsBoxAtPixelLevel(TestEncoder encoder, int width, int height)
    {
        using var model = Load(encoder, TestDecoder.Box);
        var embedding = model.Encoder.Encode(Scenes.Noise(width, height, seed: 1), width, height);
        var box = new SamBox(width * 0.123, height * 0.105, width * 0.61, height * 0.75);

        var prediction = model.Decoder.Decode(embedding, SamPrompt.ForBox(box));

        var expected = Scenes.BoxMask(width, height, box.X0, box.Y0, box.X1, box.Y1);
        Assert.Equal(1.0, Scenes.Iou(expected, prediction.GetBinaryMask(prediction.BestIndex)));
        Assert.Equal(TestModels.BoxIou, prediction.IouPredictions[0], 6);
    }

    [Fact]
    public void Decode_Box_LogitsAreAtWindowSizeInWindowPixels()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Box);
        var embedding = new ImageEmbedding(new float[ImageEmbedding.Length], ModelFrame.ForImage(300, 200));

        var prediction = model.Decoder.Decode(embedding, SamPrompt.ForBox(new SamBox(37, 21, 181, 150)));

        Assert.Equal((1, 300, 200), (prediction.MaskCount, prediction.Width, prediction.Height));
        Assert.Equal(300 * 200, prediction.Masks.Length);
        // pixel (100, 80): centre (100.5, 80.5); nearest box edge is y0 = 21 at 59.5 window pixels
        Assert.Equal(59.5f, prediction.GetLogits(0)[80 * 300 + 100], 2);
        Assert.Equal(0.5f, prediction.GetLogits(0)[21 * 300 + 100], 2);
        Assert.Equal(-0.5f, prediction.GetLogits(0)[20 * 300 + 100], 2);
    }

    [Fact]
    public void Decode_FrameWithRoundedResizedWidth_BoxEdgeExactInWindowPixels()
    {
        // 700x1100: neww = 652, so neww/w = 0.93143 differs from 1024/1100 = 0.93091 (0.3 px at x = 600)
        using var model = Load(TestEncoder.Nchw, TestDecoder.Box);
        var embedding = new ImageEmbedding(new float[ImageEmbedding.Length], ModelFrame.ForImage(700, 1100));

        var prediction = model.Decoder.Decode(embedding, SamPrompt.ForBox(new SamBox(100, 100, 600, 1000)));

        Assert.Equal(0.5f, prediction.GetLogits(0)[500 * 700 + 599], 2);
        Assert.Equal(0.5f, prediction.GetLogits(0)[999 * 700 + 400], 2);
    }

    [Fact]
    public void Decode_BoxWithClicksAfter_LabelsTwoAndThreeStillDefineTheBox()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Box);
        var embedding = new ImageEmbedding(new float[ImageEmbedding.Length], ModelFrame.ForImage(640, 480));
        var prompt = new SamPrompt([new SamPoint(5, 5), new SamPoint(600, 400, false)], new SamBox(300, 200, 100, 50));

        var prediction = model.Decoder.Decode(embedding, prompt);

        Assert.Equal(4, prediction.PointCount);
        Assert.Equal(1.0, Scenes.Iou(Scenes.BoxMask(640, 480, 100, 50, 300, 200), prediction.GetBinaryMask(0)));
    }

    [Fact]
    public void Decode_LowResMaskFedBack_RefinementRunsWithMaskInput()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Box);
        var embedding = new ImageEmbedding(new float[ImageEmbedding.Length], ModelFrame.ForImage(300, 200));
        var prompt = SamPrompt.ForBox(new SamBox(37, 21, 181, 150));
        var first = model.Decoder.Decode(embedding, prompt);

        var refined = model.Decoder.Decode(embedding, prompt, first.GetLowResLogits(first.BestIndex));

        Assert.Equal(TestModels.BoxIou, first.IouPredictions[0], 6);
        Assert.Equal(TestModels.BoxIou + 0.01f, refined.IouPredictions[0], 6); // the test decoder saw has_mask_input = 1 and the mask
        Assert.Equal(first.GetBinaryMask(0), refined.GetBinaryMask(0));
    }

    [Fact]
    public void Decode_MaskInputOfWrongSize_Throws()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Box);
        var embedding = new ImageEmbedding(new float[ImageEmbedding.Length], ModelFrame.ForImage(30, 20));

        Assert.Throws<ArgumentException>(() => model.Decoder.Decode(embedding, SamPrompt.Click(1, 1), new float[100]));
    }

    [Fact]
    public void Decode_MultimaskWithBoxOnly_BestIsHighestIouMultimaskToken()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Multimask);
        var embedding = new ImageEmbedding(new float[ImageEmbedding.Length], ModelFrame.ForImage(400, 250));

        var prediction = model.Decoder.Decode(embedding, SamPrompt.ForBox(new SamBox(50, 40, 210, 200)));

        Assert.Equal(4, prediction.MaskCount);
        Assert.Equal(2, prediction.BestIndex);
        Assert.Equal(1.0, Scenes.Iou(Scenes.BoxMask(400, 250, 50, 40, 210, 200), prediction.GetBinaryMask(prediction.BestIndex)));
        Assert.Equal(0.0, Scenes.Iou(Scenes.BoxMask(400, 250, 50, 40, 210, 200), prediction.GetBinaryMask(0)));
    }

    [Fact]
    public void Decode_MultimaskWithThreePoints_BestIsSingleMaskToken()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Multimask);
        var embedding = new ImageEmbedding(new float[ImageEmbedding.Length], ModelFrame.ForImage(400, 250));

        var prediction = model.Decoder.Decode(embedding, new SamPrompt([new SamPoint(60, 60)], new SamBox(50, 40, 210, 200)));

        Assert.Equal(3, prediction.PointCount);
        Assert.Equal(0, prediction.BestIndex);
    }

    [Fact]
    public void Decode_RegionDecoderOnExactFrame_ReturnsTheColouredSquare()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Region);
        var rgb = Scenes.Square(1024, 1024, (30, 120, 40), (200, 50, 60), 300, 400, 420, 580);
        var embedding = model.Encoder.Encode(rgb, 1024, 1024);

        var prediction = model.Decoder.Decode(embedding, SamPrompt.Click(350.5, 450.5));

        Assert.Equal(1.0, Scenes.Iou(Scenes.BoxMask(1024, 1024, 300, 400, 420, 580), prediction.GetBinaryMask(0)));
    }

    [Theory]
    [InlineData(TestEncoder.Nchw)]
    [InlineData(TestEncoder.Hwc)]
    public void Decode_RegionDecoderOnNonSquareWindow_ReturnsTheColouredSquare(TestEncoder encoder)
    {
        using var model = Load(encoder, TestDecoder.Region);
        var rgb = Scenes.Square(300, 200, (30, 120, 40), (200, 50, 60), 100, 60, 180, 140);
        var embedding = model.Encoder.Encode(rgb, 300, 200);

        var prediction = model.Decoder.Decode(embedding, SamPrompt.Click(140.5, 100.5));

        var mask = prediction.GetBinaryMask(0);
        var expected = Scenes.BoxMask(300, 200, 100, 60, 180, 140);
        Assert.True(Scenes.Iou(expected, mask) > 0.95, $"IoU {Scenes.Iou(expected, mask)}");
        // away from the resampled edges the mask is exact
        Assert.Equal(Scenes.BoxMask(300, 200, 102, 62, 178, 138), And(mask, Scenes.BoxMask(300, 200, 102, 62, 178, 138)));
        Assert.Equal(0, And(mask, Invert(Scenes.BoxMask(300, 200, 98, 58, 182, 142))).Sum(b => b));
    }

    [Fact]
    public void DecodePoints_ManyClicks_SameAsSingleDecodes()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Region);
        var rgb = Scenes.Square(300, 200, (30, 120, 40), (200, 50, 60), 100, 60, 180, 140);
        var embedding = model.Encoder.Encode(rgb, 300, 200);
        SamPoint[] points = [new(140.5, 100.5), new(20.5, 20.5), new(150.5, 70.5)];
        var areas = new int[points.Length];
        var firstMask = Array.Empty<byte>();

        model.Decoder.DecodePoints(embedding, points, (i, p) =>
        {
            areas[i] = p.GetBinaryMask(0).Sum(b => b);
            if (i == 0) firstMask = p.GetBinaryMask(0);
            Assert.Equal(2, p.PointCount);
        });

        var single = model.Decoder.Decode(embedding, SamPrompt.Click(140.5, 100.5));
        Assert.Equal(single.GetBinaryMask(0), firstMask);
        Assert.Equal(areas[0], areas[2]);                  // both clicks hit the square
        Assert.InRange(areas[1], 300 * 200 - areas[0] - 400, 300 * 200 - areas[0]); // the background is the rest (less the resampled edge)
    }

    [Fact]
    public void Decode_ParallelCallsOnOneDecoder_EachGetsItsOwnBox()
    {
        using var model = Load(TestEncoder.Nchw, TestDecoder.Box);
        var embedding = new ImageEmbedding(new float[ImageEmbedding.Length], ModelFrame.ForImage(320, 240));
        var results = new double[16];

        Parallel.For(0, results.Length, i =>
        {
            var box = new SamBox(10 + i, 20 + i, 150 + 2 * i, 100 + 3 * i);
            var prediction = model.Decoder.Decode(embedding, SamPrompt.ForBox(box));
            results[i] = Scenes.Iou(Scenes.BoxMask(320, 240, box.X0, box.Y0, box.X1, box.Y1), prediction.GetBinaryMask(0));
        });

        Assert.All(results, iou => Assert.Equal(1.0, iou));
    }

    private static byte[] And(byte[] a, byte[] b) => a.Zip(b, (x, y) => (byte)(x & y)).ToArray();

    private static byte[] Invert(byte[] a) => a.Select(x => (byte)(1 - x)).ToArray();
}
