using Sam.Geo.Caching;
using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Caching;

public sealed class EmbeddingRecordTests : IDisposable
{
    private readonly CacheFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Create_DownscaledWindow_WindowTransformStartsAtWindowCornerWithReadPixelSteps()
    {
        // window 2048x1024 at (100,200), read at 1024x512: one read pixel = 2 source pixels = 1 m
        var record = CacheFixture.Record(_f.Key());
        Assert.Equal(new GeoTransform(500000 + 100 * 0.5, 1.0, 0, 4982950 - 200 * 0.5, 0, -1.0), record.WindowGeoTransform);
        Assert.Equal((1024, 512), (record.OriginalWidth, record.OriginalHeight));
        Assert.Equal((1024, 512), (record.ResizedWidth, record.ResizedHeight));
    }

    [Fact]
    public void CellGeoTransform_ImageCorners_MapToWindowCorners()
    {
        var key = _f.Key(new PixelWindow(100, 200, 2048, 1024), 1024, 512);
        var record = CacheFixture.Record(key);
        var cells = record.CellGeoTransform;
        // 64 cells x 16 model px = 1024 = newW; 32 cells = 512 = newH: the resized image ends there.
        Assert.Equal(CacheFixture.Utm.PixelToMap(100, 200), cells.PixelToMap(0, 0));
        var (x, y) = cells.PixelToMap(64, 32);
        var (ex, ey) = CacheFixture.Utm.PixelToMap(100 + 2048, 200 + 1024);
        Assert.Equal(ex, x, 6);
        Assert.Equal(ey, y, 6);
    }

    [Fact]
    public void CellGeoTransform_RoundedResize_CellIs16ModelPixelsInReadPixels()
    {
        // read 600x1000 -> resized 614x1024: a cell is 16*600/614 read pixels wide, 16*1000/1024 high.
        var key = _f.Key(new PixelWindow(0, 0, 600, 1000), 600, 1000);
        var record = CacheFixture.Record(key);
        Assert.Equal(0.5 * 16 * 600 / 614, record.CellGeoTransform.Gt1, 12);
        Assert.Equal(-0.5 * 16 * 1000 / 1024, record.CellGeoTransform.Gt5, 12);
    }
}
