using Sam.Geo.Pipeline;
using Sam.Geo.Prompts;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Tests.Pipeline;

public sealed class WindowPlannerTests
{
    private static readonly TileGrid Grid = new(3000, 2500, 1024, 128);

    [Fact]
    public void Plan_ObjectWellInsideATile_UsesThatGridTile()
    {
        var window = WindowPlanner.Plan(Grid, new PixelBox(400, 400, 600, 600));
        Assert.Equal(Grid.GetTile(new TileId(0, 0)).Window, window.Source);
        Assert.Equal(1.0, window.Scale);
    }

    [Fact]
    public void Plan_ObjectOnATileSeam_GetsAWindowCentredOnIt()
    {
        // 880-1000 straddles the first tiles' overlap near their interior edges
        var box = new PixelBox(980, 300, 1060, 380);
        var window = WindowPlanner.Plan(Grid, box);
        Assert.Equal(1.0, window.Scale);
        double centre = window.Source.Col + window.Source.Width / 2.0;
        Assert.InRange(centre, 1020 - 1, 1020 + 1);
        Assert.DoesNotContain(Grid, t => t.Window == window.Source);
    }

    [Fact]
    public void Plan_ObjectLargerThanATile_IsReadDownscaled()
    {
        var window = WindowPlanner.Plan(Grid, new PixelBox(100, 100, 2100, 900));
        Assert.True(window.Scale > 1.9, $"scale {window.Scale}");
        Assert.True(window.OutputWidth <= 1024 && window.OutputHeight <= 1024);
        Assert.True(window.Source.Col <= 100 && window.Source.ColEnd >= 2100);
    }

    [Fact]
    public void Plan_ObjectAtTheRasterBorder_StillUsesTheGridTile()
    {
        // the raster's own border cuts nothing: no interior edge is near
        var window = WindowPlanner.Plan(Grid, new PixelBox(0, 0, 300, 200));
        Assert.Equal(Grid.GetTile(new TileId(0, 0)).Window, window.Source);
    }

    [Theory]
    [InlineData(0, 10, 5, 5, true)]      // touches the window's left edge, which is inside the raster
    [InlineData(10, 10, 5, 5, false)]    // well inside
    [InlineData(90, 10, 10, 5, true)]    // touches the right edge
    public void TouchesInteriorEdge_MaskAtWindowEdge(int col, int row, int w, int h, bool expected)
    {
        var window = new ScaledWindow(new PixelWindow(500, 500, 100, 100), 100, 100);
        Assert.Equal(expected, WindowPlanner.TouchesInteriorEdge(window, new PixelWindow(col, row, w, h), 3000, 2500));
    }

    [Fact]
    public void TouchesInteriorEdge_AtRasterBorder_IsNotInterior()
    {
        var window = new ScaledWindow(new PixelWindow(0, 0, 100, 100), 100, 100);
        Assert.False(WindowPlanner.TouchesInteriorEdge(window, new PixelWindow(0, 0, 10, 10), 3000, 2500));
    }
}
