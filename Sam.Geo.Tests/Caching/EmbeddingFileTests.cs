using Sam.Geo.Caching;
using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Caching;

public sealed class EmbeddingFileTests : IDisposable
{
    private readonly CacheFixture _f = new();

    public void Dispose() => _f.Dispose();

    private string PutOne(EmbeddingKey key, float[] data)
    {
        var cache = new EmbeddingCache(_f.CacheDir);
        cache.Put(key, CacheFixture.Record(key), data);
        return cache.PathOf(key);
    }

    [Fact]
    public void Entry_OpenedWithGdal_Is256BandsOf64x64Float32InBandOrder()
    {
        var data = CacheFixture.Embedding(11);
        using var entry = GeoRaster.Open(PutOne(_f.Key(), data));
        Assert.Equal((64, 64, 256), (entry.Width, entry.Height, entry.BandCount));
        Assert.All(entry.Bands, b => Assert.Equal(RasterDataType.Float32, b.DataType));
        var band = new float[64 * 64];
        entry.Read(200, new PixelWindow(0, 0, 64, 64), band); // band 200 = channel 199
        Assert.Equal(data.AsSpan(199 * 4096, 4096).ToArray(), band);
    }

    [Fact]
    public void Entry_Georeference_CellCornerIsWindowCornerInMapCoordinates()
    {
        var key = _f.Key(new PixelWindow(100, 200, 2048, 1024), 1024, 512);
        using var entry = GeoRaster.Open(PutOne(key, CacheFixture.Embedding(1)));
        Assert.True(entry.HasGeoTransform);
        var (x, y) = entry.GeoTransform.PixelToMap(0, 0);
        Assert.Equal((500050.0, 4982850.0), (x, y)); // window corner (100, 200) at 0.5 m
        var (x1, y1) = entry.GeoTransform.PixelToMap(64, 32); // end of the resized image
        Assert.Equal((500050.0 + 1024, 4982850.0 - 512), (x1, y1));
        Assert.Equal(32632, entry.Crs!.EpsgCode);
    }

    [Fact]
    public void Entry_Metadata_CarriesTheRecordInSamgeoDomain()
    {
        var key = _f.Key();
        using var entry = GeoRaster.Open(PutOne(key, CacheFixture.Embedding(1)));
        Assert.Equal(key.Hash, entry.GetMetadataItem("KEY_SHA256", "SAMGEO"));
        Assert.Equal(key.Model.Sha256, entry.GetMetadataItem("MODEL_SHA256", "SAMGEO"));
        Assert.Equal("100,200,2048,1024", entry.GetMetadataItem("WINDOW", "SAMGEO"));
        Assert.Equal("1024,512", entry.GetMetadataItem("ORIGINAL_SIZE", "SAMGEO"));
        Assert.Equal("1024,512", entry.GetMetadataItem("RESIZED_SIZE", "SAMGEO"));
        Assert.Equal("4,3,2", entry.GetMetadataItem("BANDS", "SAMGEO"));
        Assert.Equal(_f.RasterPath, entry.GetMetadataItem("RASTER_PATH", "SAMGEO"));
        Assert.Null(entry.GetMetadataItem("MODEL_SHA256")); // not in the default domain
    }

    [Fact]
    public void Entry_RasterWithoutCrs_HasNoCrs()
    {
        var key = _f.Key();
        var cache = new EmbeddingCache(_f.CacheDir);
        cache.Put(key, EmbeddingRecord.Create(key, CacheFixture.Utm, null), CacheFixture.Embedding(1));
        using (var entry = GeoRaster.Open(cache.PathOf(key))) Assert.Null(entry.Crs);
        Assert.True(cache.TryGet(key, out var hit));
        Assert.Null(hit.Record.CrsWkt);
    }
}
