using Sam.Geo.Caching;
using Sam.Geo.Inference;
using Sam.Geo.Tiling;

namespace Sam.Geo.Pipeline;

/// <summary>
/// Gives the SAM embedding of a raster window: from the disk cache when it has it, else by reading the
/// window, encoding it once and caching the result. Not thread-safe (one per raster source).
/// </summary>
public sealed class EmbeddingProvider
{
    private readonly SamEncoder _encoder;
    private readonly EmbeddingCache? _cache;
    private readonly Lazy<ModelIdentity> _modelId;

    /// <summary>Time spent reading and preparing windows, in the encoder, and in cache IO.</summary>
    public StageTimer Timer { get; }

    /// <summary>
    /// Encodes with <paramref name="encoder"/>; caches in <paramref name="cache"/> when given; adds its times
    /// to <paramref name="timer"/> (a new one when null).
    /// </summary>
    public EmbeddingProvider(SamEncoder encoder, EmbeddingCache? cache, StageTimer? timer = null)
    {
        _encoder = encoder;
        _cache = cache;
        Timer = timer ?? new StageTimer();
        _modelId = new Lazy<ModelIdentity>(() => ModelIdentity.Of(encoder.ModelPath));
    }

    /// <summary>The cache key of a window of a source.</summary>
    public EmbeddingKey KeyOf(RasterSource source, ScaledWindow window) =>
        new(source.Identity, window.Source, window.OutputWidth, window.OutputHeight,
            source.Bands.ToString(), source.Stretch.Describe(), _modelId.Value);

    /// <summary>True when the window's embedding is already cached.</summary>
    public bool IsCached(RasterSource source, ScaledWindow window) => _cache is not null && _cache.Contains(KeyOf(source, window));

    /// <summary>
    /// The embedding of <paramref name="window"/>, or null when the window holds no valid pixel (nothing to
    /// encode). <paramref name="fromCache"/> says whether the encoder was skipped.
    /// </summary>
    public ImageEmbedding? Get(RasterSource source, ScaledWindow window, out bool fromCache)
    {
        fromCache = false;
        EmbeddingKey? key = null;
        if (_cache is not null)
        {
            using (Timer.Measure(Stage.CacheIo))
            {
                key = KeyOf(source, window);
                if (_cache.TryGet(key, out var hit))
                {
                    fromCache = true;
                    return new ImageEmbedding(hit.Data, ModelFrame.ForImage(window.OutputWidth, window.OutputHeight));
                }
            }
        }
        WindowImage image;
        using (Timer.Measure(Stage.Read)) image = source.Read(window);
        if (image.ValidCount == 0) return null;
        ImageEmbedding embedding;
        using (Timer.Measure(Stage.Encode)) embedding = _encoder.Encode(image.Rgb, image.Width, image.Height);
        if (_cache is not null && key is not null)
        {
            using (Timer.Measure(Stage.CacheIo))
                _cache.Put(key, EmbeddingRecord.Create(key, source.GeoTransform, source.Crs.Wkt), embedding.Data);
        }
        return embedding;
    }
}
