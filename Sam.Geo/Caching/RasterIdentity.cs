using System.Globalization;
using System.Security.Cryptography;

namespace Sam.Geo.Caching;

/// <summary>
/// Which raster file an embedding was computed from. By default the identity is the full path, the size in
/// bytes and the last-write time (cheap, and any rewrite of the file changes it). With a content hash the
/// identity is the SHA-256 of the bytes plus the size instead: a copied, moved or touched raster still hits,
/// at the price of reading the whole file once per <see cref="Of"/> call. The path and time are then kept
/// for information only. A VRT's identity covers the .vrt file, not the files it references.
/// </summary>
/// <param name="FullPath">Absolute path of the raster.</param>
/// <param name="SizeBytes">File size in bytes.</param>
/// <param name="LastWriteUtc">Last-write time (UTC, 100 ns ticks).</param>
/// <param name="ContentSha256">Lower-case hex SHA-256 of the file's bytes, or null when not hashed.</param>
public sealed record RasterIdentity(string FullPath, long SizeBytes, DateTime LastWriteUtc, string? ContentSha256)
{
    /// <summary>Reads the identity of the raster file at <paramref name="path"/>.</summary>
    /// <param name="path">The raster file (relative paths are resolved against the current directory).</param>
    /// <param name="hashContent">True to add the SHA-256 of the file's bytes (reads the whole file).</param>
    /// <exception cref="SamGeoInputException">The file does not exist.</exception>
    public static RasterIdentity Of(string path, bool hashContent = false)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        if (!file.Exists) throw new SamGeoInputException($"raster not found: {path}");
        string? sha = null;
        if (hashContent)
        {
            using var stream = file.OpenRead();
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return new RasterIdentity(file.FullName, file.Length, file.LastWriteTimeUtc, sha);
    }

    /// <summary>The part of the cache key that identifies the raster (content hash, or path + size + time).</summary>
    internal string StableString => ContentSha256 is { } sha
        ? $"sha256:{sha}:{SizeBytes.ToString(CultureInfo.InvariantCulture)}"
        : $"file:{Uri.EscapeDataString(FullPath)}:{SizeBytes.ToString(CultureInfo.InvariantCulture)}:{LastWriteUtc.Ticks.ToString(CultureInfo.InvariantCulture)}";
}
