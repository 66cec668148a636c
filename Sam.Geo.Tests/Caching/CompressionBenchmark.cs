using System.Diagnostics;
using Sam.Geo.Caching;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using Xunit.Abstractions;

namespace Sam.Geo.Tests.Caching;

/// <summary>The measurement behind the choice of COMPRESS=NONE (see CACHE-LAYOUT.md); run by hand.</summary>
public sealed class CompressionBenchmark(ITestOutputHelper output)
{
    [Fact(Skip = "benchmark: remove Skip and run with --logger \"console;verbosity=detailed\"")]
    public void Write_Read_Compression_PrintsSizeAndTime()
    {
        using var dir = new TempDir();
        var key = new EmbeddingKey(new RasterIdentity("/x.tif", 1, DateTime.UtcNow, null), new PixelWindow(0, 0, 1024, 1024), 1024, 1024, "1,2,3", "", new ModelIdentity(new string('a', 64)));
        var rec = EmbeddingRecord.Create(key, new GeoTransform(500000, 0.5, 0, 4980000, 0, -0.5), null);
        var rng = new Random(1);
        var smooth = new float[EmbeddingLayout.Length];
        for (int c = 0; c < 256; c++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble(), f1 = rng.NextDouble() * 0.3, f2 = rng.NextDouble() * 0.3, m = rng.NextDouble() - 0.5;
            for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++)
            {
                double n = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                smooth[c * 4096 + y * 64 + x] = (float)(m + 0.3 * a * Math.Sin(x * f1) + 0.3 * b * Math.Cos(y * f2) + 0.05 * n);
            }
        }
        var uniform = new float[EmbeddingLayout.Length];
        for (int i = 0; i < uniform.Length; i++) uniform[i] = (float)(rng.NextDouble() * 2 - 1);
        string[][] options = [["INTERLEAVE=BAND", "COMPRESS=NONE"], ["INTERLEAVE=BAND", "COMPRESS=DEFLATE"], ["INTERLEAVE=BAND", "COMPRESS=DEFLATE", "PREDICTOR=3"],
            ["INTERLEAVE=BAND", "COMPRESS=ZSTD", "PREDICTOR=3"], ["INTERLEAVE=BAND", "COMPRESS=LZW", "PREDICTOR=3"]];
        var buf = new float[EmbeddingLayout.Length];
        foreach (var (name, data) in new[] { ("smooth+noise", smooth), ("uniform", uniform) })
        foreach (var opt in options)
        {
            const int n = 15;
            string p0 = dir.File("warm.tif");
            EmbeddingFile.Write(p0, rec, data, opt); File.Delete(p0);
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) EmbeddingFile.Write(dir.File($"f{i}.tif"), rec, data, opt);
            double write = sw.Elapsed.TotalMilliseconds / n;
            sw.Restart();
            for (int i = 0; i < n; i++) EmbeddingFile.Read(dir.File($"f{i}.tif"), buf);
            double read = sw.Elapsed.TotalMilliseconds / n;
            Assert.Equal(data, buf);
            long size = new FileInfo(dir.File("f0.tif")).Length;
            output.WriteLine($"{name,-13} {string.Join(' ', opt.Skip(1)),-30} size {size / 1024.0,8:F0} KiB ({100.0 * size / (4 << 20),5:F1} %)  write {write,6:F1} ms  read {read,6:F1} ms");
            for (int i = 0; i < n; i++) File.Delete(dir.File($"f{i}.tif"));
        }
    }
}
