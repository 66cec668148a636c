using Sam.Geo.Cli.Samples;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Samples;

public sealed class SyntheticSceneTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static int Pack(ushort r, ushort g, ushort b) => r << 16 | g << 8 | b;

    [Fact]
    public void WriteFlat_TruthRasterizedByPixelCentres_EqualsPixelsOfTheObjectsColour()
    {
        var written = SyntheticScene.WriteFlat(_dir.File("flat.tif"), 3000, 2500, seed: 7);
        using var raster = GeoRaster.Open(written.RasterPath);
        var bands = PixelChecks.ReadAllBands(raster);
        var truth = TruthFile.Read(written.TruthPath, raster);
        Assert.Equal(written.Objects.Select(o => o.Id), truth.Select(o => o.Id));

        var idByColour = truth.ToDictionary(o => Pack((ushort)o.Color[0], (ushort)o.Color[1], (ushort)o.Color[2]), o => o.Id);
        Assert.Equal(truth.Count, idByColour.Count);
        var pixelsById = new Dictionary<int, int>();
        for (int i = 0; i < bands[0].Length; i++)
            if (idByColour.TryGetValue(Pack(bands[0][i], bands[1][i], bands[2][i]), out int id))
                pixelsById[id] = pixelsById.GetValueOrDefault(id) + 1;

        foreach (var o in truth)
        {
            int inside = 0, mismatches = 0;
            PixelChecks.Classify(o.Pixel, PixelChecks.Around(o.Pixel, 2, raster.Width, raster.Height), (col, row, isInside) =>
            {
                int i = row * raster.Width + col;
                bool coloured = idByColour.GetValueOrDefault(Pack(bands[0][i], bands[1][i], bands[2][i])) == o.Id;
                if (isInside) inside++;
                if (isInside != coloured && !PixelChecks.NearBoundary(o.Pixel, col, row)) mismatches++;
            });
            Assert.True(mismatches == 0, $"object {o.Id} ({o.Class}): {mismatches} pixels where truth and colour disagree");
            Assert.Equal(inside, pixelsById.GetValueOrDefault(o.Id));
        }
    }

    [Fact]
    public void BuildFlat_Objects_CrossTheTileBorders()
    {
        var scene = SyntheticScene.BuildFlat(3000, 2500);
        var visible = scene.VisibleShapes();
        foreach (int border in new[] { 1024, 2048 })
        {
            Assert.Contains(visible, v => v.Visible.EnvelopeInternal.MinX < border && v.Visible.EnvelopeInternal.MaxX > border);
            Assert.Contains(visible, v => border < 2500 && v.Visible.EnvelopeInternal.MinY < border && v.Visible.EnvelopeInternal.MaxY > border);
        }
        Assert.True(visible.Count >= 30, $"only {visible.Count} objects");
    }

    [Fact]
    public void BuildFlat_SameSeed_SameScene_OtherSeed_OtherScene()
    {
        var a = SyntheticScene.BuildFlat(800, 600, seed: 3).Objects;
        var b = SyntheticScene.BuildFlat(800, 600, seed: 3).Objects;
        var c = SyntheticScene.BuildFlat(800, 600, seed: 4).Objects;
        Assert.Equal(a.Select(o => o.Shape.AsText()), b.Select(o => o.Shape.AsText()));
        Assert.NotEqual(a.Select(o => o.Shape.AsText()), c.Select(o => o.Shape.AsText()));
    }

    [Fact]
    public void VisibleShapes_LaterObjectOnTop_IsSubtractedFromTheEarlierOne()
    {
        var scene = new SceneBuilder(100, 80, [0, 0, 0]);
        var field = scene.Add("field", Shapes.Box(10, 10, 60, 50), [200, 200, 0]);
        var shed = scene.Add("building", Shapes.Box(50, 20, 70, 30), [200, 0, 0]);
        var visible = scene.VisibleShapes().ToDictionary(v => v.Object.Id, v => v.Visible);

        Assert.Equal(50 * 40 - 10 * 10, visible[field.Id].Area, 9);
        Assert.Equal(20 * 10, visible[shed.Id].Area, 9);
        var labels = scene.Render(RasterFormat.Rgb8).Labels;
        Assert.Equal(50 * 40 - 10 * 10, labels.Count(l => l == field.Id));
        Assert.Equal(shed.Id, labels[25 * 100 + 55]);
    }

    [Fact]
    public void Render_ValidArea_OutsideIsNoDataAndNeverZeroInside()
    {
        var scene = new SceneBuilder(40, 30, [0.2, 3000, 300, 3000], Texture.Noise(0.1, 5)) { ValidArea = Shapes.Box(5, 5, 35, 25) };
        var rendered = scene.Render(RasterFormat.Bgrn16);
        for (int row = 0; row < 30; row++)
            for (int col = 0; col < 40; col++)
            {
                bool inside = col >= 5 && col < 35 && row >= 5 && row < 25;
                Assert.Equal(inside ? 0 : -1, rendered.Labels[row * 40 + col]);
                Assert.Equal(inside, rendered.Bands[0][row * 40 + col] != 0);
            }
    }
}
