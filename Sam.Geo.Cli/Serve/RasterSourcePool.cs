using Sam.Geo.Pipeline;

namespace Sam.Geo.Cli.Serve;

/// <summary>
/// The rasters <c>samgeo serve</c> keeps open: a small least-recently-used set of <see cref="RasterSource"/>s
/// by path, each handed to one request at a time (a GDAL dataset is not thread-safe), so the band selection,
/// stretch and cache identity are computed once per raster, not per click. A file that changed on disk
/// (size or modification time) is opened again, so its cache identity follows it. Thread-safe; dispose it
/// after the last lease is released.
/// </summary>
internal sealed class RasterSourcePool(RasterSourceOptions options, int capacity) : IDisposable
{
    private readonly object _gate = new();
    private readonly LinkedList<Entry> _recent = new(); // most recently used first

    /// <summary>The default number of rasters kept open.</summary>
    public const int DefaultCapacity = 4;

    /// <summary>
    /// Waits until <paramref name="path"/> is free, opening it when it is not open yet, and holds it until
    /// the lease is disposed.
    /// </summary>
    /// <exception cref="SamGeoInputException">Missing file, not a raster, no georeference, bad bands (from <see cref="RasterSource.Open"/>).</exception>
    public async Task<Lease> AcquireAsync(string path, CancellationToken cancellation)
    {
        var entry = Find(path) ?? Add(path, RasterSource.Open(path, options));
        try
        {
            await entry.Turn.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            Release(entry, turnHeld: false);
            throw;
        }
        return new Lease(this, entry);
    }

    /// <summary>How many rasters are open (for tests and the log).</summary>
    public int OpenCount
    {
        get { lock (_gate) return _recent.Count; }
    }

    private Entry? Find(string path)
    {
        string key = KeyOf(path);
        var stamp = FileStamp.Of(path);
        lock (_gate)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Key != key) continue;
                if (node.Value.Stamp != stamp)
                {
                    Retire(node); // changed on disk: open it again
                    return null;
                }
                _recent.Remove(node);
                _recent.AddFirst(node);
                node.Value.Users++;
                return node.Value;
            }
        }
        return null;
    }

    /// <summary>Adds a freshly opened source, unless another request opened the same raster meanwhile.</summary>
    private Entry Add(string path, RasterSource source)
    {
        var entry = new Entry(KeyOf(path), FileStamp.Of(path), source) { Users = 1 };
        lock (_gate)
        {
            var existing = _recent.FirstOrDefault(e => e.Key == entry.Key && e.Stamp == entry.Stamp);
            if (existing is not null)
            {
                source.Dispose();
                existing.Users++;
                return existing;
            }
            _recent.AddFirst(entry);
            while (_recent.Count > capacity) Retire(_recent.Last!);
        }
        return entry;
    }

    /// <summary>Takes an entry out of the pool; it is disposed now or when its last user leaves. Call under the gate.</summary>
    private void Retire(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        node.Value.Retired = true;
        if (node.Value.Users == 0) node.Value.Dispose();
    }

    private void Release(Entry entry, bool turnHeld)
    {
        if (turnHeld) entry.Turn.Release();
        lock (_gate)
        {
            entry.Users--;
            if (entry.Retired && entry.Users == 0) entry.Dispose();
        }
    }

    private static string KeyOf(string path) => path.StartsWith("/vsi", StringComparison.Ordinal) ? path : Path.GetFullPath(path);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var e in _recent) e.Dispose();
            _recent.Clear();
        }
    }

    /// <summary>Exclusive use of an open raster; dispose it to let the next request in.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly RasterSourcePool _pool;
        private readonly Entry _entry;
        private bool _released;

        internal Lease(RasterSourcePool pool, Entry entry) => (_pool, _entry) = (pool, entry);

        /// <summary>The raster, usable by the lease holder only, until the lease is disposed.</summary>
        public RasterSource Source => _entry.Source;

        /// <inheritdoc />
        public void Dispose()
        {
            if (_released) return;
            _released = true;
            _pool.Release(_entry, turnHeld: true);
        }
    }

    internal sealed class Entry(string key, FileStamp? stamp, RasterSource source) : IDisposable
    {
        public string Key { get; } = key;
        public FileStamp? Stamp { get; } = stamp;
        public RasterSource Source { get; } = source;
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public int Users { get; set; }
        public bool Retired { get; set; }

        public void Dispose()
        {
            Source.Dispose();
            Turn.Dispose();
        }
    }

    /// <summary>Size and modification time of a plain file; null for GDAL virtual paths and folders.</summary>
    internal readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
    {
        public static FileStamp? Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc) : null;
        }
    }
}
