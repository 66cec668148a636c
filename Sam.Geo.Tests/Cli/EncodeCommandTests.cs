using Sam.Geo.Caching;
using Sam.Geo.Cli.Commands;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using Sam.Geo.Tests.Fixtures.Onnx;
using Sam.Geo.Tiling;

namespace Sam.Geo.Tests.Cli;

public sealed class EncodeCommandTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _model = TestModels.Get(TestEncoder.Nchw, TestDecoder.Region);

    public void Dispose() => _dir.Dispose();

    private string Cache => _dir.File("cache");

    /// <summary>A 3-band Byte raster with a pattern; with <paramref name="emptyRight"/> its right half is nodata (0).</summary>
    private string MakeRaster(string name, int w, int h, bool emptyRight = false)
    {
        string path = _dir.File(name);
        using var crs = SpatialReference.FromEpsg(32632);
        using var r = GeoRaster.Create(path, w, h, 3, RasterDataType.Byte, new GeoTransform(500000, 0.5, 0, 4982950, 0, -0.5), crs);
        var pixels = new byte[w * h];
        for (int b = 1; b <= 3; b++)
        {
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    pixels[y * w + x] = emptyRight && x >= w / 2 ? (byte)0 : (byte)(1 + (x * b + y * 3) % 250);
            r.Write<byte>(b, r.FullWindow, pixels);
            if (emptyRight) r.SetNoData(b, 0);
        }
        return path;
    }

    private string[] Entries() => Directory.GetFiles(Cache, "*.tif");

    private CliRunner.Result Encode(string raster, params string[] extra) =>
        CliRunner.Run(["encode", raster, "--model", _model, "--cache", Cache, "--tile-size", "256", "--overlap", "0", .. extra]);

    [Fact]
    public void Encode_SmallRaster_OneEntryPerTileAndRerunEncodesNothing()
    {
        string raster = MakeRaster("a.tif", 768, 512); // 3 x 2 tiles of 256 px

        var first = Encode(raster);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("0 cached, 6 encoded, 0 skipped (no data)", first.Out);
        var entries = Entries();
        Assert.Equal(6, entries.Length);
        var written = entries.ToDictionary(e => e, File.GetLastWriteTimeUtc);

        var second = Encode(raster);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("6 cached, 0 encoded, 0 skipped (no data)", second.Out);
        Assert.Equal(written, Entries().ToDictionary(e => e, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public void Encode_EntriesAreTheTilesEmbeddings()
    {
        string raster = MakeRaster("a.tif", 512, 256);
        Assert.Equal(0, Encode(raster).ExitCode);

        using var source = RasterSource.Open(raster, new RasterSourceOptions { TileSize = 256, Overlap = 0 });
        using var model = SamModel.Load(_model);
        var provider = new EmbeddingProvider(model.Encoder, new EmbeddingCache(Cache));
        foreach (var tile in source.Grid)
        {
            var window = new ScaledWindow(tile.Window, tile.Window.Width, tile.Window.Height);
            Assert.True(provider.IsCached(source, window), $"tile {tile.Id} has no entry");
            var cached = provider.Get(source, window, out bool fromCache)!;
            Assert.True(fromCache);
            var image = source.Read(window);
            var fresh = model.Encoder.Encode(image.Rgb, image.Width, image.Height);
            Assert.Equal(fresh.Data, cached.Data);
        }
    }

    [Fact]
    public void Encode_HashRaster_CopyOfTheRasterHitsTheCache()
    {
        string raster = MakeRaster("h.tif", 512, 256);
        Assert.Contains("0 cached, 2 encoded", Encode(raster, "--hash-raster").Out);
        string copy = _dir.File("copy-of-h.tif");
        File.Copy(raster, copy);
        Assert.Contains("2 cached, 0 encoded", Encode(copy, "--hash-raster").Out);
        Assert.Contains("0 cached, 2 encoded", Encode(copy).Out); // by path, size and time the copy is another raster
    }

    [Fact]
    public void Encode_NodataTile_IsSkipped()
    {
        string raster = MakeRaster("half.tif", 512, 256, emptyRight: true); // left tile data, right tile nodata

        var result = Encode(raster);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("0 cached, 1 encoded, 1 skipped (no data)", result.Out);
        Assert.Single(Entries());
    }

    [Fact]
    public void EncodeTiles_CancelledMidway_LeavesWholeEntriesOnlyAndRerunCompletes()
    {
        string raster = MakeRaster("a.tif", 768, 512);
        EncodeCounts counts;
        using (var source = RasterSource.Open(raster, new RasterSourceOptions { TileSize = 256, Overlap = 0 }))
        using (var model = SamModel.Load(_model))
        using (var cts = new CancellationTokenSource())
        {
            var provider = new EmbeddingProvider(model.Encoder, new EmbeddingCache(Cache));
            counts = EncodeCommand.EncodeTiles(source, provider, c => { if (c.Done == 2) cts.Cancel(); }, cts.Token);
        }

        Assert.Equal(new EncodeCounts(0, 2, 0), counts);
        Assert.Equal(2, Entries().Length);
        Assert.Empty(Directory.GetFiles(Cache, "*.tmp"));

        var rerun = Encode(raster);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains("2 cached, 4 encoded, 0 skipped (no data)", rerun.Out);
        Assert.Equal(6, Entries().Length);
    }

    [Fact]
    public void Encode_StandinModel_PrintsItsNotice()
    {
        string raster = MakeRaster("a.tif", 256, 256);
        var result = CliRunner.Run("encode", raster, "--model", Path.Combine(Samples.SamplePaths.Committed, "standin-model"), "--cache", Cache);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("NOT Segment Anything", result.Out);
        Assert.Contains("0 cached, 1 encoded", result.Out);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "missing-raster", "raster not found" },
        { "missing-model", "SAM model directory not found" },
        { "wrong-encoder", "image_embeddings" },
        { "wrong-decoder", "orig_im_size" },
        { "band-out-of-range", "band 9" },
        { "no-cache", "--no-cache" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Encode_BadInput_OneLineErrorExit2(string scenario, string culprit)
    {
        string raster = MakeRaster("a.tif", 256, 256);
        string[] args = scenario switch
        {
            "missing-raster" => ["encode", _dir.File("missing.tif"), "--model", _model, "--cache", Cache],
            "missing-model" => ["encode", raster, "--model", _dir.File("no-model"), "--cache", Cache],
            "wrong-encoder" => ["encode", raster, "--model", TestModels.Get(TestEncoder.WrongOutputShape, TestDecoder.Region), "--cache", Cache],
            "wrong-decoder" => ["encode", raster, "--model", TestModels.Get(TestEncoder.Nchw, TestDecoder.MissingOrigImSize), "--cache", Cache],
            "band-out-of-range" => ["encode", raster, "--model", _model, "--cache", Cache, "--bands", "1,2,9"],
            _ => ["encode", raster, "--model", _model, "--no-cache"],
        };

        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        string error = result.Error.TrimEnd();
        Assert.Single(error.Split('\n'));
        Assert.StartsWith("samgeo: error: ", error);
        Assert.Contains(culprit, error);
        Assert.False(Directory.Exists(Cache) && Entries().Length > 0, "a failed encode wrote cache entries");
    }
}
