using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Sam.Geo.Caching;

/// <summary>
/// Image embeddings on disk, one GeoTIFF per key (see CACHE-LAYOUT.md), so that no window is ever encoded
/// twice. Thread-safe, and safe to share between processes: an entry is written to a temporary file in the
/// same folder and moved into place, so a reader sees a whole entry or none. Entries are evicted least
/// recently used first when the folder grows past <see cref="MaxBytes"/>; a hit refreshes the entry's
/// last-write time, which is the recency the eviction reads.
/// </summary>
public sealed partial class EmbeddingCache
{
    /// <summary>The default size limit: 10 GiB (about 2,500 entries of 4 MiB).</summary>
    public const long DefaultMaxBytes = 10L << 30;

    private static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

    private long _hits, _misses, _rejected, _evicted;
    private readonly Lock _evictionGate = new();

    /// <summary>Opens (creating it when needed) the cache in <paramref name="directory"/>.</summary>
    /// <param name="directory">The cache folder. Only files named like entries are ever counted or deleted.</param>
    /// <param name="maxBytes">Size limit of the entries together, in bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    /// <exception cref="SamGeoInputException">The folder cannot be created.</exception>
    public EmbeddingCache(string directory, long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        try
        {
            Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SamGeoInputException($"cannot create the embedding cache folder {directory}: {e.Message}", e);
        }
        MaxBytes = maxBytes;
        DeleteStaleTempFiles();
    }

    /// <summary>The default cache folder: <c>samgeo/embeddings</c> under the user's local application data.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "samgeo", "embeddings");

    /// <summary>The cache folder (absolute).</summary>
    public string Directory { get; }

    /// <summary>Size limit of all entries together, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>
    /// Raised (on the calling thread) when an entry is refused: its record is for another key (wrong raster,
    /// wrong model...) or it cannot be read. The entry is deleted and the lookup counts as a miss.
    /// </summary>
    public event Action<EmbeddingRejection>? EntryRejected;

    /// <summary>The file an entry for <paramref name="key"/> lives in (whether or not it exists).</summary>
    public string PathOf(EmbeddingKey key) => Path.Combine(Directory, key.Hash + ".tif");

    /// <summary>True when an entry file for <paramref name="key"/> exists (it is not opened or verified).</summary>
    public bool Contains(EmbeddingKey key) => File.Exists(PathOf(key));

    /// <summary>
    /// Looks up <paramref name="key"/>. A hit returns a new array with the floats and the stored record and
    /// marks the entry as recently used. An entry whose record is for another key, or that cannot be read, is
    /// never returned: it is deleted, reported through <see cref="EntryRejected"/>, and counted as a miss.
    /// </summary>
    public bool TryGet(EmbeddingKey key, [NotNullWhen(true)] out CachedEmbedding? embedding)
    {
        var data = new float[EmbeddingLayout.Length];
        embedding = TryGet(key, data, out var record) ? new CachedEmbedding(record, data) : null;
        return embedding is not null;
    }

    /// <summary>
    /// Looks up <paramref name="key"/> and reads the floats into <paramref name="destination"/> (at least
    /// <see cref="EmbeddingLayout.Length"/> long; on a miss its content is unspecified). Same rules as
    /// <see cref="TryGet(EmbeddingKey, out CachedEmbedding?)"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public bool TryGet(EmbeddingKey key, Span<float> destination, [NotNullWhen(true)] out EmbeddingRecord? record)
    {
        if (destination.Length < EmbeddingLayout.Length)
            throw new ArgumentException($"The destination holds {destination.Length} floats; an embedding needs {EmbeddingLayout.Length}.", nameof(destination));
        record = null;
        string path = PathOf(key);
        if (!File.Exists(path)) return Miss();
        EmbeddingRecord stored;
        try
        {
            stored = EmbeddingFile.Read(path, destination);
        }
        catch (InvalidDataException e)
        {
            if (!File.Exists(path)) return Miss(); // evicted or replaced between the check and the read
            return Reject(path, $"unreadable entry: {e.Message}", isCorrupt: true);
        }
        if (stored.Key.FirstDifference(key) is { } field)
            return Reject(path, $"entry is for another {field} than the one asked for", isCorrupt: false);
        Touch(path);
        Interlocked.Increment(ref _hits);
        record = stored;
        return true;
    }

    /// <summary>
    /// Stores an embedding under <paramref name="key"/>, replacing any entry there, then evicts least recently
    /// used entries while the cache is over <see cref="MaxBytes"/> (never the one just written). Two
    /// processes putting the same key at once both succeed and leave one whole entry.
    /// </summary>
    /// <param name="key">The key; must equal <paramref name="record"/>'s key.</param>
    /// <param name="record">The record, from <see cref="EmbeddingRecord.Create"/>.</param>
    /// <param name="data"><see cref="EmbeddingLayout.Length"/> floats, channel-major [256][64][64].</param>
    /// <exception cref="ArgumentException">The record is for another key, or the data has the wrong length.</exception>
    /// <exception cref="Interop.GdalException">The entry could not be written (disk full, no permission...).</exception>
    public void Put(EmbeddingKey key, EmbeddingRecord record, ReadOnlySpan<float> data)
    {
        if (record.Key.FirstDifference(key) is { } field)
            throw new ArgumentException($"The record's {field} differs from the key's.", nameof(record));
        if (data.Length != EmbeddingLayout.Length)
            throw new ArgumentException($"An embedding has {EmbeddingLayout.Length} floats, not {data.Length}.", nameof(data));
        string path = PathOf(key);
        string temp = Path.Combine(Directory, $"{key.Hash}.{Guid.NewGuid():N}.tmp");
        try
        {
            EmbeddingFile.Write(temp, record, data);
            MoveIntoPlace(temp, path);
        }
        finally
        {
            TryDelete(temp);
        }
        Evict(keep: path);
    }

    /// <summary>
    /// Deletes every entry (with leftover temporary files and .aux.xml sidecars) in the folder; other files
    /// are left alone.
    /// </summary>
    public void Clear()
    {
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
            if (IsEntry(file.Name) || IsTemp(file.Name) || IsSidecar(file.Name)) TryDelete(file.FullName);
    }

    /// <summary>Entries and bytes on disk now, with this instance's hit, miss, rejection and eviction counts.</summary>
    public EmbeddingCacheStats Stats
    {
        get
        {
            var entries = Entries().ToList();
            return new EmbeddingCacheStats(entries.Count, entries.Sum(f => f.Length),
                Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _rejected), Interlocked.Read(ref _evicted));
        }
    }

    private bool Miss()
    {
        Interlocked.Increment(ref _misses);
        return false;
    }

    private bool Reject(string path, string reason, bool isCorrupt)
    {
        DeleteEntry(path);
        Interlocked.Increment(ref _rejected);
        EntryRejected?.Invoke(new EmbeddingRejection(path, reason, isCorrupt));
        return Miss();
    }

    private static void MoveIntoPlace(string temp, string path)
    {
        try
        {
            File.Move(temp, path, overwrite: true); // rename(2): atomic within one folder
        }
        catch (IOException) when (File.Exists(path))
        {
            // Windows refuses to replace a file another process has open; that file is an entry for the same
            // key, i.e. the same content, so keeping it is as good as replacing it.
        }
    }

    private void Evict(string keep)
    {
        lock (_evictionGate)
        {
            var entries = Entries().ToList();
            long total = entries.Sum(f => f.Length);
            if (total <= MaxBytes) return;
            foreach (var file in entries.OrderBy(f => f.LastWriteTimeUtc))
            {
                if (total <= MaxBytes) break;
                if (string.Equals(file.FullName, keep, StringComparison.Ordinal)) continue;
                if (DeleteEntry(file.FullName)) Interlocked.Increment(ref _evicted);
                total -= file.Length; // gone, or held open elsewhere and not ours to wait for
            }
        }
    }

    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Replaced or evicted by another process meanwhile: recency is a hint, the data was read whole.
        }
    }

    private void DeleteStaleTempFiles()
    {
        var cutoff = DateTime.UtcNow - StaleTempAge;
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles("*.tmp"))
            if (IsTemp(file.Name) && file.LastWriteTimeUtc < cutoff) TryDelete(file.FullName); // left by a crashed writer
    }

    private IEnumerable<FileInfo> Entries() =>
        new DirectoryInfo(Directory).EnumerateFiles("*.tif").Where(f => IsEntry(f.Name));

    /// <summary>Deletes an entry and the .aux.xml that GIS software may have written beside it (statistics).</summary>
    private static bool DeleteEntry(string path)
    {
        TryDelete(path + ".aux.xml");
        return TryDelete(path);
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsEntry(string fileName) => EntryName().IsMatch(fileName);

    private static bool IsTemp(string fileName) => TempName().IsMatch(fileName);

    private static bool IsSidecar(string fileName) => SidecarName().IsMatch(fileName);

    [GeneratedRegex("^[0-9a-f]{64}\\.tif$")]
    private static partial Regex EntryName();

    [GeneratedRegex("^[0-9a-f]{64}\\.[0-9a-f]{32}\\.tmp$")]
    private static partial Regex TempName();

    [GeneratedRegex("^[0-9a-f]{64}\\.tif\\.aux\\.xml$")]
    private static partial Regex SidecarName();
}
