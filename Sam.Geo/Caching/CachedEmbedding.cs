namespace Sam.Geo.Caching;

/// <summary>An embedding read from the cache.</summary>
/// <param name="Record">The record stored with it (its key equals the key it was asked for).</param>
/// <param name="Data">
/// <see cref="EmbeddingLayout.Length"/> floats, channel-major <c>[256][64][64]</c>, ready to be wrapped as
/// the decoder's <c>image_embeddings</c> tensor <c>[1,256,64,64]</c>. The array belongs to the caller.
/// </param>
public sealed record CachedEmbedding(EmbeddingRecord Record, float[] Data);

/// <summary>Counts of a cache: what is on disk now, and what this instance has seen since it was created.</summary>
/// <param name="Entries">Entry files in the folder.</param>
/// <param name="Bytes">Their total size in bytes.</param>
/// <param name="Hits">Lookups answered from the cache.</param>
/// <param name="Misses">Lookups not answered (absent, corrupt or rejected entries).</param>
/// <param name="Rejected">Entries refused because their record did not match the key, or corrupt (also counted as misses).</param>
/// <param name="Evicted">Entries deleted to keep the folder under its size limit.</param>
public readonly record struct EmbeddingCacheStats(int Entries, long Bytes, long Hits, long Misses, long Rejected, long Evicted);

/// <summary>Why a cache entry was refused and deleted.</summary>
/// <param name="Path">The entry file (already deleted, unless another process holds it open).</param>
/// <param name="Reason">One line: which key field differs, or why the file could not be read.</param>
/// <param name="IsCorrupt">True when the file was unreadable; false when it was readable but for another key.</param>
public sealed record EmbeddingRejection(string Path, string Reason, bool IsCorrupt);
