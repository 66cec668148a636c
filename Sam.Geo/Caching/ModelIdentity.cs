using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Sam.Geo.Caching;

/// <summary>
/// Which image encoder produced an embedding: the SHA-256 of the encoder file's bytes, so that two copies
/// of the same weights share cache entries and any other export (another model, another preprocessing
/// graph, a re-quantised file) never does.
/// </summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the encoder file.</param>
public readonly record struct ModelIdentity(string Sha256)
{
    private static readonly ConcurrentDictionary<(string Path, long Size, long Ticks), Lazy<ModelIdentity>> Memo = new();

    /// <summary>
    /// The identity of the encoder at <paramref name="encoderPath"/>. The hash is memoised per process by
    /// full path, size and last-write time, so a 2.5 GB ViT-H encoder is read once however often it is asked
    /// for (and once even when several threads ask at the same time). Only this one file is hashed: an ONNX
    /// model whose weights live in a separate external-data file is identified by its graph file alone.
    /// </summary>
    /// <exception cref="SamGeoInputException">The file does not exist.</exception>
    public static ModelIdentity Of(string encoderPath)
    {
        var file = new FileInfo(Path.GetFullPath(encoderPath));
        if (!file.Exists) throw new SamGeoInputException($"encoder model not found: {encoderPath}");
        var key = (file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);
        var lazy = Memo.GetOrAdd(key, k => new Lazy<ModelIdentity>(() => Hash(k.Path)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Memo.TryRemove(new KeyValuePair<(string, long, long), Lazy<ModelIdentity>>(key, lazy)); // do not memoise a failed read
            throw;
        }
    }

    private static ModelIdentity Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return new ModelIdentity(Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <inheritdoc />
    public override string ToString() => Sha256;
}
