using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Raster;

public class GeoTransformTests
{
    private const double PixelTolerance = 1e-6;

    /// <summary>Random, well-conditioned georeferences: projected origin, 0.05–100 map units per pixel,
    /// any rotation, shear up to 60°, either handedness; plus pixel positions of a large raster.</summary>
    public static class Generators
    {
        public static Arbitrary<GeoTransform> Transforms() => Arb.From(
            from originX in Gen.Choose(-1_000_000, 1_000_000)
            from originY in Gen.Choose(-1_000_000, 1_000_000)
            from sizeExp in Gen.Choose(-1300, 2000) // 10^(-1.3..2) map units per pixel
            from aspect in Gen.Choose(50, 200)       // row pixel size / column pixel size, 0.5..2
            from angle in Gen.Choose(0, 3599)        // tenths of a degree
            from shear in Gen.Choose(-600, 600)      // tenths of a degree
            from flip in Gen.Elements(1.0, -1.0)
            select Make(originX + 0.25, originY - 0.75, Math.Pow(10, sizeExp / 1000.0), aspect / 100.0,
                angle / 10.0, shear / 10.0, flip));

        public static Arbitrary<PixelPoint> Points() => Arb.From(
            from col in Gen.Choose(-1_000_000, 50_000_000)
            from row in Gen.Choose(-1_000_000, 50_000_000)
            select new PixelPoint(col / 1000.0, row / 1000.0));
    }

    /// <summary>A pixel position (corner origin), in pixels.</summary>
    public readonly record struct PixelPoint(double Col, double Row);

    private static GeoTransform Make(double x0, double y0, double size, double aspect, double angleDeg, double shearDeg, double flip)
    {
        double a = angleDeg * Math.PI / 180, b = a + shearDeg * Math.PI / 180;
        double rowSize = size * aspect * flip;
        // Column vector (gt1, gt4) at angle a; row vector (gt2, gt5) at angle b - 90° (north-up when a = b = 0).
        return new GeoTransform(x0, size * Math.Cos(a), rowSize * Math.Sin(b), y0, size * Math.Sin(a), -rowSize * Math.Cos(b));
    }

    /// <summary>Distance between two map points measured in pixels of <paramref name="gt"/>.</summary>
    private static double PixelDistance(GeoTransform gt, (double X, double Y) p, (double X, double Y) q)
    {
        var (c1, r1) = gt.MapToPixel(p.X, p.Y);
        var (c2, r2) = gt.MapToPixel(q.X, q.Y);
        return Math.Max(Math.Abs(c1 - c2), Math.Abs(r1 - r2));
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public void MapToPixel_AfterPixelToMap_ReturnsOriginalPixel(GeoTransform gt, PixelPoint p)
    {
        var (x, y) = gt.PixelToMap(p.Col, p.Row);
        var (col, row) = gt.MapToPixel(x, y);
        Assert.Equal(p.Col, col, PixelTolerance);
        Assert.Equal(p.Row, row, PixelTolerance);
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public void InvertInvert_RandomTransform_MapsPixelsLikeOriginal(GeoTransform gt, PixelPoint p)
    {
        var twice = gt.Invert().Invert();
        Assert.True(PixelDistance(gt, gt.PixelToMap(p.Col, p.Row), twice.PixelToMap(p.Col, p.Row)) < PixelTolerance);
        double scale = Math.Max(gt.PixelWidth, gt.PixelHeight);
        Assert.Equal(gt.Gt1, twice.Gt1, 1e-9 * scale);
        Assert.Equal(gt.Gt2, twice.Gt2, 1e-9 * scale);
        Assert.Equal(gt.Gt4, twice.Gt4, 1e-9 * scale);
        Assert.Equal(gt.Gt5, twice.Gt5, 1e-9 * scale);
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public void Invert_ComposedWithTransform_IsIdentity(GeoTransform gt, PixelPoint p)
    {
        var inverse = gt.Invert();
        // Coefficients of inverse ∘ gt (pixel -> map -> pixel): linear part I, translation 0.
        double a = inverse.Gt1 * gt.Gt1 + inverse.Gt2 * gt.Gt4, b = inverse.Gt1 * gt.Gt2 + inverse.Gt2 * gt.Gt5;
        double c = inverse.Gt4 * gt.Gt1 + inverse.Gt5 * gt.Gt4, d = inverse.Gt4 * gt.Gt2 + inverse.Gt5 * gt.Gt5;
        double tx = inverse.Gt0 + inverse.Gt1 * gt.Gt0 + inverse.Gt2 * gt.Gt3;
        double ty = inverse.Gt3 + inverse.Gt4 * gt.Gt0 + inverse.Gt5 * gt.Gt3;
        Assert.Equal(1, a, 1e-9);
        Assert.Equal(0, b, 1e-9);
        Assert.Equal(0, c, 1e-9);
        Assert.Equal(1, d, 1e-9);
        Assert.Equal(0, tx, PixelTolerance);
        Assert.Equal(0, ty, PixelTolerance);

        var (x, y) = gt.PixelToMap(p.Col, p.Row);
        var (col, row) = inverse.PixelToMap(x, y);
        Assert.Equal(p.Col, col, PixelTolerance);
        Assert.Equal(p.Row, row, PixelTolerance);
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public void ForWindow_RandomWindow_AgreesWithPixelToMap(GeoTransform gt, PixelPoint origin, PixelPoint p, PositiveInt sx, PositiveInt sy)
    {
        double scaleX = 1 + sx.Get % 64 / 8.0, scaleY = 1 + sy.Get % 64 / 8.0;
        var window = gt.ForWindow(origin.Col, origin.Row, scaleX, scaleY);
        double u = p.Col / 100, v = p.Row / 100; // keep window pixels inside a large raster
        var expected = gt.PixelToMap(origin.Col + u * scaleX, origin.Row + v * scaleY);
        Assert.True(PixelDistance(gt, expected, window.PixelToMap(u, v)) < PixelTolerance);
    }

    [Fact]
    public void PixelToMap_NorthUp_MatchesGdalFormula()
    {
        var gt = new GeoTransform(440720, 60, 0, 3751320, 0, -60);

        Assert.Equal((440720.0, 3751320.0), gt.PixelToMap(0, 0));
        Assert.Equal((441320.0, 3750120.0), gt.PixelToMap(10, 20));
        Assert.Equal((10.5, 20.5), gt.MapToPixel(441350, 3750090));
        Assert.False(gt.IsRotated);
        Assert.Equal(3600, gt.PixelArea);
    }

    [Fact]
    public void PixelToMap_Rotated30Degrees_FollowsRotatedAxes()
    {
        double cos = Math.Cos(Math.PI / 6), sin = Math.Sin(Math.PI / 6);
        var gt = new GeoTransform(1000, 10 * cos, 10 * sin, 2000, 10 * sin, -10 * cos);

        var (x1, y1) = gt.PixelToMap(1, 0);
        Assert.Equal(1000 + 8.660254037844386, x1, 1e-9);
        Assert.Equal(2005, y1, 1e-9);
        var (x2, y2) = gt.PixelToMap(0, 1);
        Assert.Equal(1005, x2, 1e-9);
        Assert.Equal(2000 - 8.660254037844386, y2, 1e-9);
        var (col, row) = gt.MapToPixel(1000 + 8.660254037844386 + 5, 2005 - 8.660254037844386);
        Assert.Equal(1, col, 1e-9);
        Assert.Equal(1, row, 1e-9);
        Assert.True(gt.IsRotated);
        Assert.Equal(10, gt.PixelWidth, 1e-12);
        Assert.Equal(100, gt.PixelArea, 1e-9);
    }

    [Fact]
    public void ForWindow_HalfResolutionWindow_StartsAtWindowCornerWithDoublePixels()
    {
        var gt = new GeoTransform(500000, 2, 0, 4000000, 0, -2);

        var window = gt.ForWindow(100, 50, 2, 2);

        Assert.Equal(new GeoTransform(500200, 4, 0, 3999900, 0, -4), window);
    }

    [Fact]
    public void Invert_DegenerateTransform_Throws()
    {
        var gt = new GeoTransform(0, 1, 2, 0, 2, 4);

        Assert.Throws<InvalidOperationException>(() => gt.Invert());
    }
}
