using FsCheck.Xunit;
using Sam.Geo.Caching;
using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Caching;

public sealed class EmbeddingKeyTests : IDisposable
{
    private readonly CacheFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Hash_SameFields_SameHash()
    {
        Assert.Equal(_f.Key().Hash, _f.Key().Hash);
        Assert.Equal(_f.Key(), _f.Key());
        Assert.Matches("^[0-9a-f]{64}$", _f.Key().Hash);
    }

    [Fact]
    public void Hash_AnyFieldChanged_DifferentHash()
    {
        var key = _f.Key();
        EmbeddingKey[] variants =
        [
            key with { Window = key.Window with { Col = key.Window.Col + 1 } },
            key with { ReadWidth = key.ReadWidth - 1 },
            key with { Bands = "1,2,3" },
            key with { Stretch = "min-max" },
            key with { Model = new ModelIdentity(new string('0', 64)) },
            key with { Raster = key.Raster with { LastWriteUtc = key.Raster.LastWriteUtc.AddSeconds(1) } },
            key with { Raster = key.Raster with { SizeBytes = key.Raster.SizeBytes + 1 } },
            key with { Raster = key.Raster with { FullPath = key.Raster.FullPath + ".copy" } },
        ];
        Assert.Equal(variants.Length + 1, variants.Select(v => v.Hash).Append(key.Hash).Distinct().Count());
        Assert.All(variants, v => Assert.NotNull(v.FirstDifference(key)));
    }

    [Fact]
    public void StableString_SeparatorsInStretch_AreEscaped()
    {
        var key = _f.Key();
        var a = key with { Bands = "1", Stretch = "x;bands=2" };
        var b = key with { Bands = "1;stretch=x", Stretch = "" };
        Assert.NotEqual(a.StableString, b.StableString);
    }

    [Fact]
    public void RasterIdentityOf_ContentHash_IgnoresPathAndTime()
    {
        string copy = _f.Dir.File("copy.tif");
        File.Copy(_f.RasterPath, copy);
        File.SetLastWriteTimeUtc(copy, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var original = _f.Key() with { Raster = RasterIdentity.Of(_f.RasterPath, hashContent: true) };
        var copied = original with { Raster = RasterIdentity.Of(copy, hashContent: true) };
        Assert.Equal(original.Hash, copied.Hash);
        Assert.NotEqual(RasterIdentity.Of(_f.RasterPath).StableString, RasterIdentity.Of(copy).StableString);
    }

    [Fact]
    public void ModelIdentityOf_SameBytesElsewhere_SameIdentity()
    {
        string copy = _f.Dir.File("encoder-copy.onnx");
        File.Copy(_f.EncoderPath, copy);
        string other = _f.Dir.File("other.onnx");
        File.WriteAllBytes(other, [1, 2, 3]);
        Assert.Equal(ModelIdentity.Of(_f.EncoderPath), ModelIdentity.Of(copy));
        Assert.NotEqual(ModelIdentity.Of(_f.EncoderPath), ModelIdentity.Of(other));
        Assert.Equal("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", ModelIdentity.Of(other).Sha256);
    }

    [Fact]
    public void ModelIdentityOf_SameSizeAndTime_IsMemoised()
    {
        string path = _f.Dir.File("memo.onnx");
        File.WriteAllBytes(path, [1, 2, 3]);
        var time = new DateTime(2020, 5, 5, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, time);
        var first = ModelIdentity.Of(path);
        File.WriteAllBytes(path, [9, 9, 9]); // same size; restoring the time makes it look unchanged
        File.SetLastWriteTimeUtc(path, time);
        Assert.Equal(first, ModelIdentity.Of(path));
        File.SetLastWriteTimeUtc(path, time.AddSeconds(1));
        Assert.NotEqual(first, ModelIdentity.Of(path));
    }

    [Fact]
    public void ModelIdentityOf_MissingFile_ThrowsInputException()
    {
        var e = Assert.Throws<SamGeoInputException>(() => ModelIdentity.Of(_f.Dir.File("nope.onnx")));
        Assert.Contains("nope.onnx", e.Message);
    }

    [Theory]
    [InlineData(1024, 1024, 1024, 1024)]
    [InlineData(2048, 1024, 1024, 512)]
    [InlineData(600, 1000, 614, 1024)] // 600 * 1.024 = 614.4
    [InlineData(1000, 333, 1024, 341)] // 333 * 1.024 = 340.99
    [InlineData(100, 50, 1024, 512)]
    public void ResizedSize_Examples_LongSide1024(int w, int h, int newW, int newH) =>
        Assert.Equal((newW, newH), EmbeddingLayout.ResizedSize(w, h));

    [Property]
    public bool ResizedSize_AnySize_LongSideIs1024AndShortSideRounded(ushort a, ushort b)
    {
        int w = a % 5000 + 1, h = b % 5000 + 1;
        var (nw, nh) = EmbeddingLayout.ResizedSize(w, h);
        double exactShort = Math.Min(w, h) * 1024.0 / Math.Max(w, h);
        return Math.Max(nw, nh) == 1024 && Math.Abs(Math.Min(nw, nh) - exactShort) <= 0.5;
    }

    [Fact]
    public void Validate_EmptyWindow_Throws()
    {
        var key = _f.Key(new PixelWindow(0, 0, 0, 10));
        Assert.Throws<ArgumentException>(key.Validate);
    }
}
