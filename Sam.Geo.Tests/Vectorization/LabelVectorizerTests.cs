using NetTopologySuite.Geometries;
using Sam.Geo.Vectorization;
using static Sam.Geo.Tests.Vectorization.MaskFixtures;

namespace Sam.Geo.Tests.Vectorization;

public class LabelVectorizerTests
{
    /// <summary>Labels from rows of digits; '.' is 0.</summary>
    private static (int[] Labels, int Width, int Height) Labels(params string[] rows)
    {
        int width = rows[0].Length;
        var labels = new int[width * rows.Length];
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < width; c++)
                labels[r * width + c] = rows[r][c] == '.' ? 0 : rows[r][c] - '0';
        return (labels, width, rows.Length);
    }

    [Fact]
    public void Vectorize_TwoAdjacentLabels_TwoPolygonsSharingAnEdge()
    {
        var (labels, w, h) = Labels("1122", "1122");
        var regions = LabelVectorizer.Vectorize(labels, w, h);
        Assert.Equal([1, 2], regions.Select(r => r.Label));
        AssertSameGeometry("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", regions[0].Geometry);
        AssertSameGeometry("POLYGON ((2 0, 4 0, 4 2, 2 2, 2 0))", regions[1].Geometry);
    }

    [Fact]
    public void Vectorize_LabelInsideLabel_OuterHasHoleInnerSeparate()
    {
        var (labels, w, h) = Labels("111", "131", "111");
        var regions = LabelVectorizer.Vectorize(labels, w, h);
        Assert.Equal([1, 3], regions.Select(r => r.Label));
        AssertSameGeometry("POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))", regions[0].Geometry);
        AssertSameGeometry("POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))", regions[1].Geometry);
    }

    [Fact]
    public void Vectorize_SameLabelTwoRegions_TwoPolygonsWithThatLabel()
    {
        var (labels, w, h) = Labels("5.5", "...");
        var regions = LabelVectorizer.Vectorize(labels, w, h);
        Assert.Equal([5, 5], regions.Select(r => r.Label));
    }

    [Fact]
    public void Vectorize_CustomBackground_BackgroundSkippedZeroVectorised()
    {
        var (labels, w, h) = Labels("9.", "99");
        var regions = LabelVectorizer.Vectorize(labels, w, h, backgroundLabel: 9);
        var region = Assert.Single(regions);
        Assert.Equal(0, region.Label);
        AssertSameGeometry("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))", region.Geometry);
    }

    [Fact]
    public void Vectorize_DiagonalSameLabelEightConnected_OneMultiPolygon()
    {
        var (labels, w, h) = Labels("1.", ".1");
        var region = Assert.Single(LabelVectorizer.Vectorize(labels, w, h, connectivity: PixelConnectivity.Eight));
        Assert.Equal(1, region.Label);
        AssertSameGeometry("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((1 1, 2 1, 2 2, 1 2, 1 1)))", region.Geometry);
    }

    [Fact]
    public void Vectorize_DiagonalDifferentLabelsEightConnected_NotJoined()
    {
        var (labels, w, h) = Labels("12", "21");
        var regions = LabelVectorizer.Vectorize(labels, w, h, connectivity: PixelConnectivity.Eight);
        Assert.Equal([1, 2], regions.Select(r => r.Label));
        Assert.All(regions, r => Assert.IsType<MultiPolygon>(r.Geometry));
    }

    [Fact]
    public void Vectorize_UnsignedLabels_SameAsSigned()
    {
        uint[] labels = [7, 7, 0, 3_000_000_000];
        var regions = LabelVectorizer.Vectorize(labels, 4, 1);
        Assert.Equal([7, unchecked((int)3_000_000_000u)], regions.Select(r => r.Label));
        Assert.Equal([2.0, 1.0], regions.Select(r => r.Geometry.Area));
    }

    [Fact]
    public void Vectorize_ManyLabels_AreasMatchPixelCountsAndAllValid()
    {
        var random = new Random(3);
        int w = 40, h = 30;
        var labels = new int[w * h];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = random.Next(4);
        var regions = LabelVectorizer.Vectorize(labels, w, h);
        Assert.All(regions, r => Assert.True(r.Geometry.IsValid));
        for (int label = 1; label < 4; label++)
            Assert.Equal(labels.Count(v => v == label), regions.Where(r => r.Label == label).Sum(r => r.Geometry.Area), 9);
    }
}
