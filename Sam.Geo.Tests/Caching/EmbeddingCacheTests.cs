using Sam.Geo.Caching;
using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Caching;

public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly CacheFixture _f = new();
    private readonly List<EmbeddingRejection> _rejections = [];

    public void Dispose() => _f.Dispose();

    private EmbeddingCache NewCache(long maxBytes = EmbeddingCache.DefaultMaxBytes)
    {
        var cache = new EmbeddingCache(_f.CacheDir, maxBytes);
        cache.EntryRejected += _rejections.Add;
        return cache;
    }

    private static void Put(EmbeddingCache cache, EmbeddingKey key, int seed) =>
        cache.Put(key, CacheFixture.Record(key), CacheFixture.Embedding(seed));

    [Fact]
    public void TryGet_AfterPut_ReturnsSameFloatsAndRecord()
    {
        var cache = NewCache();
        var key = _f.Key();
        var record = CacheFixture.Record(key);
        var data = CacheFixture.Embedding(7);
        cache.Put(key, record, data);

        Assert.True(cache.Contains(key));
        Assert.True(cache.TryGet(key, out var hit));
        Assert.Equal(data, hit.Data);
        Assert.Equal(key, hit.Record.Key);
        Assert.Equal(key.Raster, hit.Record.Key.Raster);
        Assert.Equal(record.WindowGeoTransform, hit.Record.WindowGeoTransform);
        Assert.Equal(record.CrsWkt, hit.Record.CrsWkt);
        Assert.Equal((record.ResizedWidth, record.ResizedHeight), (hit.Record.ResizedWidth, hit.Record.ResizedHeight));
        Assert.Equal(EmbeddingKey.FormatVersion, hit.Record.FormatVersion);
        Assert.Equal((1L, 0L), (cache.Stats.Hits, cache.Stats.Misses));
    }

    [Fact]
    public void TryGet_SpanOverload_FillsCallerBuffer()
    {
        var cache = NewCache();
        var key = _f.Key();
        Put(cache, key, 3);
        var buffer = new float[EmbeddingLayout.Length];
        Assert.True(cache.TryGet(key, buffer, out var record));
        Assert.Equal(CacheFixture.Embedding(3), buffer);
        Assert.Equal(key, record.Key);
    }

    [Fact]
    public void TryGet_OtherWindowModelOrRasterTime_Misses()
    {
        var cache = NewCache();
        var key = _f.Key();
        Put(cache, key, 1);

        Assert.False(cache.TryGet(_f.Key(new PixelWindow(101, 200, 2048, 1024)), out _));
        Assert.False(cache.TryGet(key with { Model = new ModelIdentity(new string('e', 64)) }, out _));
        File.SetLastWriteTimeUtc(_f.RasterPath, File.GetLastWriteTimeUtc(_f.RasterPath).AddMinutes(1)); // raster rewritten
        Assert.False(cache.TryGet(_f.Key(), out _));
        Assert.Equal((0L, 3L), (cache.Stats.Hits, cache.Stats.Misses));
        Assert.Empty(_rejections);
    }

    [Fact]
    public void TryGet_StoredModelIdTampered_RefusedReportedAndDeleted()
    {
        var cache = NewCache();
        var key = _f.Key();
        Put(cache, key, 1);
        using (var entry = GeoRaster.Open(cache.PathOf(key), update: true))
            entry.SetMetadataItem("MODEL_SHA256", new string('f', 64), "SAMGEO");

        Assert.False(cache.TryGet(key, out _));
        var rejection = Assert.Single(_rejections);
        Assert.Contains("model", rejection.Reason);
        Assert.False(rejection.IsCorrupt);
        Assert.False(File.Exists(cache.PathOf(key)));
        Assert.Equal((1L, 1L), (cache.Stats.Rejected, cache.Stats.Misses));
    }

    [Fact]
    public void TryGet_EntryRenamedToAnotherKey_Refused()
    {
        var cache = NewCache();
        var a = _f.Key();
        var b = _f.Key(new PixelWindow(0, 0, 1024, 1024), 1024, 1024);
        Put(cache, a, 1);
        File.Move(cache.PathOf(a), cache.PathOf(b));

        Assert.False(cache.TryGet(b, out _));
        Assert.Contains("window", Assert.Single(_rejections).Reason);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public void TryGet_CorruptEntry_MissAndRemoved(string damage)
    {
        var cache = NewCache();
        var key = _f.Key();
        Put(cache, key, 1);
        string path = cache.PathOf(key);
        if (damage == "garbage") File.WriteAllBytes(path, [.. "not a tiff at all"u8]);
        else using (var s = new FileStream(path, FileMode.Open)) s.SetLength(s.Length / 2);

        Assert.False(cache.TryGet(key, out _));
        Assert.False(File.Exists(path));
        Assert.True(Assert.Single(_rejections).IsCorrupt);
        Assert.Equal(1L, cache.Stats.Misses);
    }

    [Fact]
    public void Put_OverLimit_EvictsLeastRecentlyUsedFirst()
    {
        var keys = Enumerable.Range(0, 4).Select(i => _f.Key(new PixelWindow(i * 1024, 0, 1024, 1024), 1024, 1024)).ToArray();
        var probe = NewCache();
        Put(probe, keys[0], 0);
        long entryBytes = probe.Stats.Bytes;
        var cache = NewCache(maxBytes: entryBytes * 3 + entryBytes / 2);
        Put(cache, keys[1], 1);
        Put(cache, keys[2], 2);
        var t = DateTime.UtcNow;
        for (int i = 0; i < 3; i++) File.SetLastWriteTimeUtc(cache.PathOf(keys[i]), t.AddMinutes(i - 10)); // written in order 0,1,2
        Assert.True(cache.TryGet(keys[0], out _)); // 0 is now the most recently used

        Put(cache, keys[3], 3);

        Assert.Equal([true, false, true, true], keys.Select(cache.Contains));
        Assert.Equal((3, 1L), (cache.Stats.Entries, cache.Stats.Evicted));
        Assert.True(cache.Stats.Bytes <= cache.MaxBytes);
    }

    [Fact]
    public void Put_LimitBelowOneEntry_KeepsTheNewEntryOnly()
    {
        var cache = NewCache(maxBytes: 1000);
        var a = _f.Key();
        var b = _f.Key(new PixelWindow(0, 0, 1024, 1024), 1024, 1024);
        Put(cache, a, 1);
        Put(cache, b, 2);
        Assert.False(cache.Contains(a));
        Assert.True(cache.Contains(b));
    }

    [Fact]
    public void Put_Always_LeavesNoTemporaryFile()
    {
        var cache = NewCache();
        Put(cache, _f.Key(), 1);
        Assert.Equal([Path.GetFileName(cache.PathOf(_f.Key()))], Directory.GetFiles(cache.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Put_SameKeyConcurrently_LeavesOneValidEntry()
    {
        var key = _f.Key();
        var record = CacheFixture.Record(key);
        var data = CacheFixture.Embedding(5);
        var caches = Enumerable.Range(0, 6).Select(_ => NewCache()).ToArray(); // one instance per "process"
        var readers = 0;
        Parallel.For(0, caches.Length * 2, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
        {
            if (i % 2 == 0) caches[i / 2].Put(key, record, data);
            else if (caches[i / 2].TryGet(key, out var seen)) { Assert.Equal(data, seen.Data); Interlocked.Increment(ref readers); }
        });

        Assert.Single(Directory.GetFiles(_f.CacheDir));
        Assert.Empty(_rejections); // no reader ever saw a partial file
        Assert.True(NewCache().TryGet(key, out var hit));
        Assert.Equal(data, hit.Data);
    }

    [Fact]
    public void Put_RecordForAnotherKey_Throws()
    {
        var cache = NewCache();
        var record = CacheFixture.Record(_f.Key());
        var other = _f.Key(new PixelWindow(0, 0, 10, 10), 10, 10);
        Assert.Throws<ArgumentException>(() => cache.Put(other, record, CacheFixture.Embedding(1)));
        Assert.Throws<ArgumentException>(() => cache.Put(_f.Key(), record, new float[10]));
        Assert.False(cache.Contains(other));
    }

    [Fact]
    public void Clear_WithForeignFile_RemovesEntriesAndSidecarsOnly()
    {
        var cache = NewCache();
        Put(cache, _f.Key(), 1);
        string foreign = Path.Combine(cache.Directory, "notes.tif");
        File.WriteAllText(foreign, "mine");
        string sidecar = cache.PathOf(_f.Key()) + ".aux.xml"; // statistics QGIS may write
        File.WriteAllText(sidecar, "<PAMDataset/>");
        cache.Clear();
        Assert.False(cache.Contains(_f.Key()));
        Assert.False(File.Exists(sidecar));
        Assert.True(File.Exists(foreign));
        Assert.Equal((0, 0L), (cache.Stats.Entries, cache.Stats.Bytes));
    }

    [Fact]
    public void Constructor_StaleTemporaryFile_IsDeleted()
    {
        Directory.CreateDirectory(_f.CacheDir);
        string stale = Path.Combine(_f.CacheDir, $"{new string('a', 64)}.{Guid.NewGuid():N}.tmp");
        string fresh = Path.Combine(_f.CacheDir, $"{new string('b', 64)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "");
        File.WriteAllText(fresh, "");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-1));
        NewCache();
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh)); // may belong to a writer that is still running
    }
}
