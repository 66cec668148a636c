using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Raster;

public sealed class GeoRasterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly GeoTransform Utm = new(500000, 0.5, 0, 4982950, 0, -0.5);

    private string WriteUInt16(int w, int h, Func<int, int, ushort> value, ushort? noData = null)
    {
        string path = _dir.File($"r{Guid.NewGuid():N}.tif");
        using var crs = SpatialReference.FromEpsg(32632);
        using var r = GeoRaster.Create(path, w, h, 1, RasterDataType.UInt16, Utm, crs);
        var data = new ushort[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) data[y * w + x] = value(x, y);
        r.Write<ushort>(1, new PixelWindow(0, 0, w, h), data);
        if (noData is ushort nd) r.SetNoData(1, nd);
        return path;
    }

    [Fact]
    public void Read_Window_EqualsValuesWritten()
    {
        string path = WriteUInt16(50, 40, (x, y) => (ushort)(x * 100 + y));
        using var r = GeoRaster.Open(path);
        var buf = new ushort[7 * 5];
        r.Read<ushort>(1, new PixelWindow(13, 21, 7, 5), buf);
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 7; x++)
                Assert.Equal((ushort)((13 + x) * 100 + 21 + y), buf[y * 7 + x]);
    }

    [Fact]
    public void Open_Metadata_MatchesWhatWasCreated()
    {
        string path = WriteUInt16(50, 40, (x, y) => 1, noData: 0);
        using var r = GeoRaster.Open(path);
        Assert.Equal((50, 40, 1), (r.Width, r.Height, r.BandCount));
        Assert.Equal(Utm, r.GeoTransform);
        Assert.Equal(32632, r.Crs!.EpsgCode);
        Assert.Equal(RasterDataType.UInt16, r.Bands[0].DataType);
        Assert.Equal(0.0, r.Bands[0].NoData);
        Assert.Equal("GTiff", r.DriverName);
    }

    [Fact]
    public void Read_Downscaled_AveragesBlocks()
    {
        // 2x2 blocks of constant value v = block index, so an average read at half size gives v exactly.
        string path = WriteUInt16(8, 6, (x, y) => (ushort)((y / 2) * 4 + x / 2));
        using var r = GeoRaster.Open(path);
        var buf = new ushort[4 * 3];
        r.Read<ushort>(1, r.FullWindow, buf, 4, 3, Resampling.Average);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (ushort)i), buf);
    }

    [Fact]
    public void ReadValidMask_NoData_MarksNoDataPixelsInvalid()
    {
        string path = WriteUInt16(10, 10, (x, y) => (ushort)(x < 3 ? 0 : 500), noData: 0);
        using var r = GeoRaster.Open(path);
        var mask = new byte[100];
        Assert.True(r.ReadValidMask([1], r.FullWindow, mask, 10, 10));
        for (int i = 0; i < 100; i++) Assert.Equal(i % 10 < 3 ? 0 : 1, mask[i]);
    }

    [Fact]
    public void RgbWindowReader_UInt16_StretchesOncePerRaster()
    {
        // Values 1000..1999 left to right; the 2-98 percentile stretch maps the window's extremes near 0/255.
        string path = WriteUInt16(1000, 4, (x, y) => (ushort)(1000 + x));
        using var r = GeoRaster.Open(path);
        var bands = BandSelection.Default(r);
        var stretch = RasterStretch.Compute(r, bands, StretchOptions.Default);
        Assert.False(stretch.IsPassThrough);
        Assert.InRange(stretch.Ranges[0].Min, 1015, 1025);
        Assert.InRange(stretch.Ranges[0].Max, 1974, 1984);
        var reader = new RgbWindowReader(r, stretch);
        var rgb = new byte[3 * 10 * 4];
        var valid = new byte[10 * 4];
        Assert.Equal(40, reader.Read(new PixelWindow(495, 0, 10, 4), 10, 4, rgb, valid));
        // Grey replicated to R,G,B and mid-range values land mid-scale.
        Assert.Equal(rgb[0], rgb[1]);
        Assert.Equal(rgb[1], rgb[2]);
        Assert.InRange((int)rgb[0], 120, 135);
        Assert.Equal(0, reader.Read(new PixelWindow(0, 0, 10, 4), 10, 4, rgb, valid) - 40);
        Assert.Equal(0, rgb[0]);
    }

    [Fact]
    public void Open_MissingFile_NamesIt()
    {
        var ex = Assert.Throws<SamGeoInputException>(() => GeoRaster.Open(_dir.File("nope.tif")));
        Assert.Equal($"raster not found: {_dir.File("nope.tif")}", ex.Message);
    }

    [Fact]
    public void Open_NotARaster_NamesIt()
    {
        string path = _dir.File("text.tif");
        File.WriteAllText(path, "hello");
        var ex = Assert.Throws<SamGeoInputException>(() => GeoRaster.Open(path));
        Assert.Contains("not a raster", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void RequireGeoreference_NoGeotransform_Fails_AssumeCrs_CoversMissingCrs()
    {
        string plain = _dir.File("plain.tif");
        using (var r = GeoRaster.Create(plain, 4, 4, 1, RasterDataType.Byte, null, null)) { }
        using (var r = GeoRaster.Open(plain))
        {
            var ex = Assert.Throws<SamGeoInputException>(() => r.RequireGeoreference());
            Assert.Contains("no georeference", ex.Message);
        }
        string noCrs = _dir.File("nocrs.tif");
        using (var r = GeoRaster.Create(noCrs, 4, 4, 1, RasterDataType.Byte, Utm, null)) { }
        using (var r = GeoRaster.Open(noCrs))
        {
            Assert.Contains("no CRS", Assert.Throws<SamGeoInputException>(() => r.RequireGeoreference()).Message);
            r.RequireGeoreference("EPSG:32632");
            Assert.Equal(32632, r.Crs!.EpsgCode);
        }
    }

    [Fact]
    public void RequireBand_OutOfRange_NamesBandAndCount()
    {
        string path = WriteUInt16(4, 4, (x, y) => 1);
        using var r = GeoRaster.Open(path);
        var ex = Assert.Throws<SamGeoInputException>(() => BandSelection.Parse(r, "1,2,5"));
        Assert.StartsWith("band 2 does not exist", ex.Message);
        Assert.Contains("has 1 band", ex.Message);
    }
}
