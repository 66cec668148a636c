using Sam.Geo.Caching;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Caching;

/// <summary>A temporary folder with a fake raster and a fake encoder, and helpers to build keys and embeddings.</summary>
internal sealed class CacheFixture : IDisposable
{
    public static readonly GeoTransform Utm = new(500000, 0.5, 0, 4982950, 0, -0.5);
    public const string UtmWkt = "EPSG:32632";

    public TempDir Dir { get; } = new();

    public string RasterPath { get; }

    public string EncoderPath { get; }

    public CacheFixture()
    {
        RasterPath = Dir.File("scene.tif");
        File.WriteAllBytes(RasterPath, Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray());
        EncoderPath = Dir.File("encoder.onnx");
        File.WriteAllBytes(EncoderPath, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
    }

    public string CacheDir => Path.Combine(Dir.Path, "cache");

    public EmbeddingKey Key(PixelWindow? window = null, int readWidth = 1024, int readHeight = 512, string? model = null) =>
        new(RasterIdentity.Of(RasterPath), window ?? new PixelWindow(100, 200, 2048, 1024), readWidth, readHeight, "4,3,2",
            "percentile 2-98 per band", model is null ? ModelIdentity.Of(EncoderPath) : new ModelIdentity(model));

    public static EmbeddingRecord Record(EmbeddingKey key)
    {
        using var crs = SpatialReference.Parse(UtmWkt);
        return EmbeddingRecord.Create(key, Utm, crs.Wkt);
    }

    /// <summary>Embedding-like floats: a different smooth field per channel plus a seed-dependent offset.</summary>
    public static float[] Embedding(int seed)
    {
        var data = new float[EmbeddingLayout.Length];
        var rng = new Random(seed);
        for (int i = 0; i < data.Length; i++) data[i] = (float)(Math.Sin(i * 0.001 + seed) * 0.5 + rng.NextDouble() * 0.01 - 0.005);
        return data;
    }

    public void Dispose() => Dir.Dispose();
}
