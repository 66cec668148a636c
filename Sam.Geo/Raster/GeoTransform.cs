namespace Sam.Geo.Raster;

/// <summary>
/// GDAL's affine geotransform: <c>X = Gt0 + col*Gt1 + row*Gt2</c>, <c>Y = Gt3 + col*Gt4 + row*Gt5</c>.
/// Pixel coordinates have their origin at the top-left corner of the top-left pixel (pixel centres are at
/// +0.5). Rotation terms are honoured and the inverse is exact.
/// </summary>
public readonly record struct GeoTransform(double Gt0, double Gt1, double Gt2, double Gt3, double Gt4, double Gt5)
{
    /// <summary>The transform GDAL reports for a raster without georeference.</summary>
    public static GeoTransform Identity { get; } = new(0, 1, 0, 0, 0, 1);

    /// <summary>Builds a transform from GDAL's six coefficients.</summary>
    public static GeoTransform FromArray(ReadOnlySpan<double> c) => new(c[0], c[1], c[2], c[3], c[4], c[5]);

    /// <summary>The six coefficients in GDAL order.</summary>
    public double[] ToArray() => [Gt0, Gt1, Gt2, Gt3, Gt4, Gt5];

    /// <summary>Determinant of the linear part; zero for a degenerate transform.</summary>
    public double Determinant => Gt1 * Gt5 - Gt2 * Gt4;

    /// <summary>True when the transform has rotation or shear terms.</summary>
    public bool IsRotated => Gt2 != 0 || Gt4 != 0;

    /// <summary>Size of one pixel along the column axis in map units (length of the column vector).</summary>
    public double PixelWidth => Math.Sqrt(Gt1 * Gt1 + Gt4 * Gt4);

    /// <summary>Size of one pixel along the row axis in map units (length of the row vector).</summary>
    public double PixelHeight => Math.Sqrt(Gt2 * Gt2 + Gt5 * Gt5);

    /// <summary>Area of one pixel in squared map units.</summary>
    public double PixelArea => Math.Abs(Determinant);

    /// <summary>Pixel (corner-origin) to map coordinates.</summary>
    public (double X, double Y) PixelToMap(double col, double row) =>
        (Gt0 + col * Gt1 + row * Gt2, Gt3 + col * Gt4 + row * Gt5);

    /// <summary>Map coordinates to pixel (corner-origin) coordinates through the exact inverse.</summary>
    public (double Col, double Row) MapToPixel(double x, double y)
    {
        double det = Determinant;
        double dx = x - Gt0, dy = y - Gt3;
        return ((dx * Gt5 - dy * Gt2) / det, (dy * Gt1 - dx * Gt4) / det);
    }

    /// <summary>The inverse transform (map to pixel), in the same six-coefficient form.</summary>
    public GeoTransform Invert()
    {
        double det = Determinant;
        if (det == 0 || !double.IsFinite(det))
            throw new InvalidOperationException("The geotransform is degenerate and cannot be inverted.");
        double i1 = Gt5 / det, i2 = -Gt2 / det, i4 = -Gt4 / det, i5 = Gt1 / det;
        return new GeoTransform(-(i1 * Gt0 + i2 * Gt3), i1, i2, -(i4 * Gt0 + i5 * Gt3), i4, i5);
    }

    /// <summary>
    /// The transform of a window that starts at pixel (<paramref name="col"/>, <paramref name="row"/>) of this
    /// raster and is sampled with <paramref name="scaleX"/> and <paramref name="scaleY"/> source pixels per window pixel.
    /// </summary>
    public GeoTransform ForWindow(double col, double row, double scaleX = 1, double scaleY = 1)
    {
        var (x, y) = PixelToMap(col, row);
        return new GeoTransform(x, Gt1 * scaleX, Gt2 * scaleY, y, Gt4 * scaleX, Gt5 * scaleY);
    }
}
