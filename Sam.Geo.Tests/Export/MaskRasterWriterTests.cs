using Sam.Geo.Export;
using Sam.Geo.Interop;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Export;

public sealed class MaskRasterWriterTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly GeoTransform Utm = new(500000, 0.5, 0, 4982950.4, 0, -0.5);

    public void Dispose() => _dir.Dispose();

    private string Source(int w = 600, int h = 500)
    {
        string path = _dir.File("source.tif");
        using var crs = SpatialReference.FromEpsg(32632);
        using var r = GeoRaster.Create(path, w, h, 3, RasterDataType.Byte, Utm, crs);
        return path;
    }

    private static uint Expected(int col, int row) => (col / 100 + row / 100) % 3 == 0 ? 0u : (uint)(col / 100 * 10 + row / 100 + 1);

    /// <summary>Writes the expected pattern tile by tile (256×256 windows, clipped at the edges).</summary>
    private static void WriteByTiles<T>(MaskRasterWriter writer, Func<uint, T> cast) where T : unmanaged
    {
        for (int row = 0; row < writer.Height; row += MaskRasterWriter.BlockSize)
            for (int col = 0; col < writer.Width; col += MaskRasterWriter.BlockSize)
            {
                var window = new PixelWindow(col, row, Math.Min(256, writer.Width - col), Math.Min(256, writer.Height - row));
                var data = new T[window.PixelCount];
                for (int y = 0; y < window.Height; y++)
                    for (int x = 0; x < window.Width; x++)
                        data[y * window.Width + x] = cast(Expected(col + x, row + y));
                writer.Write<T>(window, data);
            }
    }

    [Fact]
    public void Commit_UInt32ByTiles_PixelsEqualExpected()
    {
        using var source = GeoRaster.Open(Source());
        using (var writer = MaskRasterWriter.Create(_dir.File("ids.tif"), source, RasterDataType.UInt32))
        {
            WriteByTiles(writer, v => v);
            writer.Commit();
        }
        using var mask = GeoRaster.Open(_dir.File("ids.tif"));
        var all = new uint[mask.Width * mask.Height];
        mask.Read<uint>(1, mask.FullWindow, all);
        for (int row = 0; row < mask.Height; row++)
            for (int col = 0; col < mask.Width; col++)
                Assert.Equal(Expected(col, row), all[row * mask.Width + col]);
    }

    [Fact]
    public void Commit_Byte_SameGridCrsNoDataAndTiledDeflate()
    {
        using var source = GeoRaster.Open(Source());
        using (var writer = MaskRasterWriter.Create(_dir.File("mask.tif"), source))
        {
            WriteByTiles(writer, v => v == 0 ? (byte)0 : (byte)255);
            writer.Commit();
        }
        using var mask = GeoRaster.Open(_dir.File("mask.tif"));
        Assert.Equal((source.Width, source.Height, 1), (mask.Width, mask.Height, mask.BandCount));
        Assert.Equal(source.GeoTransform, mask.GeoTransform);
        Assert.Equal(32632, mask.Crs!.EpsgCode);
        Assert.Equal(RasterDataType.Byte, mask.Bands[0].DataType);
        Assert.Equal(0.0, mask.Bands[0].NoData);
        Assert.Equal("DEFLATE", mask.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"));
        GdalNative.GDALGetBlockSize(mask.BandPointer(1), out int bx, out int by);
        Assert.Equal((256, 256), (bx, by));
        Assert.True(new FileInfo(_dir.File("mask.tif")).Length < source.Width * source.Height / 10, "a blocky mask must compress well");
    }

    [Fact]
    public void Commit_PartlyWritten_UnwrittenPixelsAreZero()
    {
        using var crs = SpatialReference.FromEpsg(32632);
        using (var writer = MaskRasterWriter.Create(_dir.File("part.tif"), 300, 300, Utm, crs))
        {
            writer.Write<byte>(new PixelWindow(10, 20, 2, 1), [255, 7]);
            writer.Commit();
        }
        using var mask = GeoRaster.Open(_dir.File("part.tif"));
        var row = new byte[300];
        mask.Read<byte>(1, new PixelWindow(0, 20, 300, 1), row);
        Assert.Equal(262, row.Sum(v => (int)v));
        Assert.Equal((255, 7), (row[10], row[11]));
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesNoFile()
    {
        using var source = GeoRaster.Open(Source());
        using (var writer = MaskRasterWriter.Create(_dir.File("mask.tif"), source))
            writer.Write<byte>(new PixelWindow(0, 0, 1, 1), [255]);
        Assert.Equal(["source.tif"], ExportTestData.FilesIn(_dir.Path));
    }

    [Fact]
    public void Write_WrongElementType_Throws()
    {
        using var source = GeoRaster.Open(Source());
        using var writer = MaskRasterWriter.Create(_dir.File("mask.tif"), source);
        Assert.Throws<ArgumentException>(() => writer.Write<uint>(new PixelWindow(0, 0, 1, 1), [300u]));
    }

    [Fact]
    public void Create_PngPath_ErrorListsTiffExtensions()
    {
        using var source = GeoRaster.Open(Source());
        var e = Assert.Throws<SamGeoInputException>(() => MaskRasterWriter.Create(_dir.File("mask.png"), source));
        Assert.Contains(".tif, .tiff", e.Message);
    }

    [Fact]
    public void Create_ExistingWithoutOverwrite_Refused()
    {
        using var source = GeoRaster.Open(Source());
        var e = Assert.Throws<SamGeoInputException>(() => MaskRasterWriter.Create(source.Path, source));
        Assert.Contains("source.tif", e.Message);
    }
}
