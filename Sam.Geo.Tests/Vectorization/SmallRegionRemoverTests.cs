using Sam.Geo.Vectorization;
using static Sam.Geo.Tests.Vectorization.MaskFixtures;

namespace Sam.Geo.Tests.Vectorization;

public class SmallRegionRemoverTests
{
    private static string[] Render(byte[] mask, int width) =>
        mask.Chunk(width).Select(row => new string(row.Select(b => b != 0 ? '#' : '.').ToArray())).ToArray();

    [Fact]
    public void FillSmallHoles_HoleBelowArea_Filled()
    {
        var (mask, w, h) = Parse("#####", "#.###", "###..", "###..", "#####");
        Assert.True(SmallRegionRemover.FillSmallHoles(mask, w, h, 2));
        Assert.Equal(["#####", "#####", "###..", "###..", "#####"], Render(mask, w));
        Assert.Equal(1, mask[6]);
    }

    [Fact]
    public void FillSmallHoles_DiagonalHolePixelsAreOneRegion_NotFilledAtTwo()
    {
        // 8-connectivity: the two hole pixels touch at a corner and form one region of 2.
        var (mask, w, h) = Parse("####", "#.##", "##.#", "####");
        Assert.False(SmallRegionRemover.FillSmallHoles(mask, w, h, 2));
        Assert.True(SmallRegionRemover.FillSmallHoles(mask, w, h, 3));
        Assert.All(mask, b => Assert.NotEqual(0, b));
    }

    [Fact]
    public void FillSmallHoles_SmallBackgroundAtBorder_FilledAsSamDoes()
    {
        var (mask, w, h) = Parse("###.", "####", "####");
        Assert.True(SmallRegionRemover.FillSmallHoles(mask, w, h, 2));
        Assert.All(mask, b => Assert.NotEqual(0, b));
    }

    [Fact]
    public void RemoveSmallIslands_IslandBelowArea_Removed()
    {
        var (mask, w, h) = Parse("##...", "##..#", ".....");
        Assert.True(SmallRegionRemover.RemoveSmallIslands(mask, w, h, 2));
        Assert.Equal(["##...", "##...", "....."], Render(mask, w));
    }

    [Fact]
    public void RemoveSmallIslands_DiagonalPixelsAreOneIsland_Kept()
    {
        var (mask, w, h) = Parse("#...", ".#..", "...#");
        Assert.True(SmallRegionRemover.RemoveSmallIslands(mask, w, h, 2));
        Assert.Equal(["#...", ".#..", "...."], Render(mask, w));
    }

    [Fact]
    public void RemoveSmallIslands_AllSmall_LargestKept()
    {
        var (mask, w, h) = Parse("#..##", ".....", "##..#");
        Assert.True(SmallRegionRemover.RemoveSmallIslands(mask, w, h, 10));
        Assert.Equal(["...##", ".....", "....."], Render(mask, w));
    }

    [Fact]
    public void RemoveSmallIslands_NothingSmall_Unchanged()
    {
        var (mask, w, h) = Parse("##.", "##.");
        Assert.False(SmallRegionRemover.RemoveSmallIslands(mask, w, h, 4));
        Assert.Equal(["##.", "##."], Render(mask, w));
    }

    [Fact]
    public void RemoveSmallIslands_EmptyMask_Unchanged()
    {
        var (mask, w, h) = Parse("...", "...");
        Assert.False(SmallRegionRemover.RemoveSmallIslands(mask, w, h, 4));
    }

    [Fact]
    public void RemoveSmallRegions_HolesThenIslands_BothApplied()
    {
        var (mask, w, h) = Parse("###...", "#.#...", "###..#");
        Assert.True(SmallRegionRemover.RemoveSmallRegions(mask, w, h, 2));
        Assert.Equal(["###...", "###...", "###..."], Render(mask, w));
    }

    [Fact]
    public void RemoveSmallRegions_ZeroArea_NothingChanges()
    {
        var (mask, w, h) = Parse("#.#", "...");
        Assert.False(SmallRegionRemover.RemoveSmallRegions(mask, w, h, 0));
        Assert.Equal(["#.#", "..."], Render(mask, w));
    }

    [Fact]
    public void RemoveSmallRegions_NegativeArea_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallRegionRemover.RemoveSmallRegions(new byte[4], 2, 2, -1));
    }
}
