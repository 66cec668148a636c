using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;

namespace Sam.Geo.Tests.Tiling;

public class ScaledWindowTests
{
    /// <summary>A raster size and a region inside it, in raster pixels.</summary>
    public readonly record struct RegionCase(int RasterWidth, int RasterHeight, double MinX, double MinY, double MaxX, double MaxY);

    public static class Generators
    {
        public static Arbitrary<RegionCase> Regions() => Arb.From(
            from width in Gen.Choose(1, 20_000)
            from height in Gen.Choose(1, 20_000)
            from x0 in Gen.Choose(0, 1000)
            from x1 in Gen.Choose(0, 1000)
            from y0 in Gen.Choose(0, 1000)
            from y1 in Gen.Choose(0, 1000)
            select new RegionCase(width, height,
                Math.Min(x0, x1) * width / 1000.0, Math.Min(y0, y1) * height / 1000.0,
                Math.Max(x0, x1) * width / 1000.0, Math.Max(y0, y1) * height / 1000.0));
    }

    private static ScaledWindow Around(RegionCase r) =>
        ScaledWindow.AroundRegion(r.RasterWidth, r.RasterHeight, r.MinX, r.MinY, r.MaxX, r.MaxY);

    [Fact]
    public void AroundRegion_Region3000Pixels_FitsTargetAtMatchingScale()
    {
        var window = ScaledWindow.AroundRegion(10_000, 10_000, 2000, 3000, 5000, 4000);

        // 3000 px + 10% margin on each side = 3600 px into 1024.
        Assert.Equal(new PixelWindow(1700, 1700, 3600, 3600), window.Source);
        Assert.Equal((1024, 1024), (window.OutputWidth, window.OutputHeight));
        Assert.Equal(3600 / 1024.0, window.ScaleX);
        Assert.Equal(3600 / 1024.0, window.ScaleY);
    }

    [Fact]
    public void AroundRegion_SmallRegion_TargetSizedWindowAtScale1()
    {
        var window = ScaledWindow.AroundRegion(4000, 3000, 500, 600, 550, 640);

        Assert.Equal(new PixelWindow(13, 108, 1024, 1024), window.Source);
        Assert.Equal((1024, 1024), (window.OutputWidth, window.OutputHeight));
        Assert.Equal(1, window.Scale);
    }

    [Fact]
    public void AroundRegion_RasterSmallerThanTarget_WholeRasterAtScale1()
    {
        var window = ScaledWindow.AroundRegion(600, 400, 100, 100, 200, 150);

        Assert.Equal(new PixelWindow(0, 0, 600, 400), window.Source);
        Assert.Equal((600, 400), (window.OutputWidth, window.OutputHeight));
        Assert.Equal(1, window.Scale);
    }

    [Fact]
    public void AroundRegion_RegionNearRasterCorner_ShiftedInwardNotCropped()
    {
        var window = ScaledWindow.AroundRegion(4000, 3000, 3950, 10, 3990, 40);

        Assert.Equal(new PixelWindow(2976, 0, 1024, 1024), window.Source);
    }

    [Fact]
    public void AroundRegion_LargeRegionAtRasterEdge_ShiftedInwardAtFullSize()
    {
        var window = ScaledWindow.AroundRegion(5000, 5000, 4000, 0, 5000, 2000);

        // 2000 px + 10% on each side = 2400 px; centred at 4500 it would end at 5700, so it starts at 2600.
        Assert.Equal(new PixelWindow(2600, 0, 2400, 2400), window.Source);
        Assert.Equal(2400 / 1024.0, window.Scale);
    }

    [Fact]
    public void AroundRegion_RegionAsLargeAsRaster_WholeRasterDownscaled()
    {
        var window = ScaledWindow.AroundRegion(3000, 800, 0, 0, 3000, 800);

        Assert.Equal(new PixelWindow(0, 0, 3000, 800), window.Source);
        Assert.Equal((853, 228), (window.OutputWidth, window.OutputHeight));
        Assert.InRange(window.ScaleX / window.ScaleY, 0.99, 1.01);
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public void AroundRegion_RandomRegion_FitsTargetContainsRegionInsideRaster(RegionCase r)
    {
        var window = Around(r);
        var s = window.Source;

        Assert.True(s.Col >= 0 && s.Row >= 0 && s.ColEnd <= r.RasterWidth && s.RowEnd <= r.RasterHeight, $"{window} leaves the raster");
        Assert.InRange(window.OutputWidth, 1, ScaledWindow.DefaultTargetSize);
        Assert.InRange(window.OutputHeight, 1, ScaledWindow.DefaultTargetSize);
        Assert.True(window.ScaleX >= 1 && window.ScaleY >= 1, $"{window} upsamples");
        Assert.True(s.Col <= r.MinX && s.Row <= r.MinY && s.ColEnd >= r.MaxX && s.RowEnd >= r.MaxY, $"{window} misses the region");
        // Never more source than needed: at scale 1 the window is the target size, unless the raster is smaller.
        if (window.Scale == 1)
            Assert.Equal((Math.Min(1024, r.RasterWidth), Math.Min(1024, r.RasterHeight)), (s.Width, s.Height));
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public void RasterToWindow_AfterWindowToRaster_RoundTrips(RegionCase r, NormalFloat u, NormalFloat v)
    {
        var window = Around(r);
        double col = Math.IEEERemainder(u.Get, 2048), row = Math.IEEERemainder(v.Get, 2048);

        var (rasterCol, rasterRow) = window.WindowToRaster(col, row);
        var (backCol, backRow) = window.RasterToWindow(rasterCol, rasterRow);

        Assert.Equal(window.Source.Col + col * window.ScaleX, rasterCol);
        Assert.Equal(col, backCol, 1e-9);
        Assert.Equal(row, backRow, 1e-9);
    }

    [Fact]
    public void RasterToWindow_SourceCorners_MapToOutputCorners()
    {
        var window = ScaledWindow.AroundRegion(10_000, 10_000, 2000, 3000, 5000, 4000);

        Assert.Equal((0.0, 0.0), window.RasterToWindow(1700, 1700));
        Assert.Equal((1024.0, 1024.0), window.RasterToWindow(5300, 5300));
        Assert.Equal((1700 + 3.515625 * 10, 1700 + 3.515625 * 20), window.WindowToRaster(10, 20));
    }

    [Fact]
    public void GetGeoTransform_NorthUpRaster_OutputPixelsMapThroughSourcePixels()
    {
        var raster = new GeoTransform(500_000, 0.5, 0, 4_000_000, 0, -0.5);
        var window = ScaledWindow.AroundRegion(10_000, 10_000, 2000, 3000, 5000, 4000);

        var gt = window.GetGeoTransform(raster);

        Assert.Equal(new GeoTransform(500_850, 0.5 * 3.515625, 0, 3_999_150, 0, -0.5 * 3.515625), gt);
        var (rc, rr) = window.WindowToRaster(100.5, 200.5);
        var (ex, ey) = raster.PixelToMap(rc, rr);
        var (x, y) = gt.PixelToMap(100.5, 200.5);
        Assert.Equal(ex, x, 1e-6);
        Assert.Equal(ey, y, 1e-6);
    }

    [Theory]
    [InlineData(100, 100, 200, 200)]   // outside to the right and below
    [InlineData(-50, -50, -10, -10)]   // outside to the left and above
    [InlineData(60, 20, 50, 30)]       // inverted
    [InlineData(double.NaN, 0, 10, 10)]
    public void AroundRegion_BadRegion_ThrowsArgumentException(double minX, double minY, double maxX, double maxY) =>
        Assert.Throws<ArgumentException>(() => ScaledWindow.AroundRegion(80, 80, minX, minY, maxX, maxY));

    [Fact]
    public void AroundRegion_ZeroTarget_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ScaledWindow.AroundRegion(80, 80, 0, 0, 10, 10, targetSize: 0));

        Assert.Equal("targetSize", ex.ParamName);
    }

    [Fact]
    public void Constructor_OutputLargerThanSource_ThrowsBecauseItWouldUpsample() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledWindow(new PixelWindow(0, 0, 100, 100), 101, 100));
}
