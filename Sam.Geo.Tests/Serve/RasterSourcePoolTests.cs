using Sam.Geo.Cli.Serve;
using Sam.Geo.Pipeline;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Serve;

public sealed class RasterSourcePoolTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Copy(string name)
    {
        string path = _dir.File(name);
        File.Copy(SampleData.Raster("rgb-utm"), path);
        return path;
    }

    [Fact]
    public async Task Acquire_SamePathTwice_ReusesTheOpenSourceOneRequestAtATime()
    {
        using var pool = new RasterSourcePool(new RasterSourceOptions(), capacity: 2);
        string path = Copy("a.tif");

        var first = await pool.AcquireAsync(path, CancellationToken.None);
        var waiting = pool.AcquireAsync(path, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted); // the raster is busy
        var firstSource = first.Source;
        first.Dispose();
        using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(firstSource, second.Source);
        Assert.Equal(1, pool.OpenCount);
    }

    [Fact]
    public async Task Acquire_WhileBusy_CanBeCancelled()
    {
        using var pool = new RasterSourcePool(new RasterSourceOptions(), capacity: 2);
        string path = Copy("a.tif");
        using var busy = await pool.AcquireAsync(path, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.AcquireAsync(path, cancel.Token));
    }

    [Fact]
    public async Task Acquire_BeyondCapacity_ClosesTheLeastRecentlyUsed()
    {
        using var pool = new RasterSourcePool(new RasterSourceOptions(), capacity: 2);
        string a = Copy("a.tif"), b = Copy("b.tif"), c = Copy("c.tif");

        RasterSource firstA;
        using (var lease = await pool.AcquireAsync(a, CancellationToken.None)) firstA = lease.Source;
        using (await pool.AcquireAsync(b, CancellationToken.None)) { }
        using (await pool.AcquireAsync(c, CancellationToken.None)) { }
        using var again = await pool.AcquireAsync(a, CancellationToken.None);

        Assert.NotSame(firstA, again.Source); // a was evicted, so it was opened again
        Assert.Equal(2, pool.OpenCount);
    }

    [Fact]
    public async Task Acquire_FileChangedOnDisk_OpensItAgain()
    {
        using var pool = new RasterSourcePool(new RasterSourceOptions(), capacity: 2);
        string path = Copy("a.tif");
        RasterSource first;
        using (var lease = await pool.AcquireAsync(path, CancellationToken.None)) first = lease.Source;

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        using var second = await pool.AcquireAsync(path, CancellationToken.None);

        Assert.NotSame(first, second.Source);
        Assert.Equal(1, pool.OpenCount);
    }
}
