using System.ComponentModel;
using System.Globalization;
using Sam.Geo.Caching;
using Sam.Geo.Inference;
using Sam.Geo.Pipeline;
using Sam.Geo.Raster;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary>Options shared by the commands that read a raster and run SAM (encode, segment, auto).</summary>
internal class RasterModelSettings : ModelSettings
{
    [CommandArgument(0, "<RASTER>")]
    [Description("Raster file (GeoTIFF, COG, VRT, JPEG 2000... anything GDAL reads).")]
    public string Raster { get; init; } = "";
}

/// <summary>Options of every command that runs SAM on rasters: model, bands, stretch, cache, device, tiling.</summary>
internal class ModelSettings : CommandSettings
{
    [CommandOption("-m|--model <DIR>")]
    [Description("SAM model directory holding encoder.onnx and decoder.onnx (or a samgeo-model.json naming them).")]
    public string? Model { get; init; }

    [CommandOption("--encoder <FILE>")]
    [Description("SAM image encoder ONNX file (with --decoder, instead of --model).")]
    public string? Encoder { get; init; }

    [CommandOption("--decoder <FILE>")]
    [Description("SAM mask decoder ONNX file (with --encoder, instead of --model).")]
    public string? Decoder { get; init; }

    [CommandOption("--bands <LIST>")]
    [Description("Bands for R,G,B, 1-based, e.g. 3,2,1 or 4,3,2 (false colour); one band is grey. Default: the bands labelled red/green/blue, else 1,2,3.")]
    public string? Bands { get; init; }

    [CommandOption("--stretch <MODE>")]
    [Description("8-bit conversion, computed once for the whole raster: auto (Byte passes through, else percentile), percentile, minmax, none.")]
    [DefaultValue("auto")]
    public string Stretch { get; init; } = "auto";

    [CommandOption("--percentiles <LOW,HIGH>")]
    [Description("Percentiles for the percentile stretch.")]
    [DefaultValue("2,98")]
    public string Percentiles { get; init; } = "2,98";

    [CommandOption("--stretch-range <MIN,MAX>")]
    [Description("Explicit stretch range; give it once for all bands or once per band (repeatable).")]
    public string[] StretchRanges { get; init; } = [];

    [CommandOption("--assume-crs <CRS>")]
    [Description("CRS (EPSG:n, WKT or PROJ) for a raster that has a geotransform but no CRS.")]
    public string? AssumeCrs { get; init; }

    [CommandOption("--cache <DIR>")]
    [Description("Embedding cache folder. Default: the user's local data folder (samgeo/embeddings).")]
    public string? Cache { get; init; }

    [CommandOption("--hash-raster")]
    [Description("Identify the raster in the cache by a SHA-256 of its content (survives copies and touches) instead of path, size and time.")]
    public bool HashRaster { get; init; }

    [CommandOption("--no-cache")]
    [Description("Do not read or write the embedding cache.")]
    public bool NoCache { get; init; }

    [CommandOption("--cache-size <GIB>")]
    [Description("Cache size limit in GiB; least recently used entries are evicted beyond it.")]
    [DefaultValue(10.0)]
    public double CacheSizeGib { get; init; } = 10;

    [CommandOption("--device <DEVICE>")]
    [Description("Inference device: cpu or cuda.")]
    [DefaultValue("cpu")]
    public string Device { get; init; } = "cpu";

    [CommandOption("--threads <N>")]
    [Description("ONNX Runtime intra-op threads. Default: the number of cores.")]
    public int? Threads { get; init; }

    [CommandOption("--tile-size <PX>")]
    [Description("Tile size in pixels.")]
    [DefaultValue(1024)]
    public int TileSize { get; init; } = 1024;

    [CommandOption("--overlap <PX>")]
    [Description("Tile overlap in pixels.")]
    [DefaultValue(128)]
    public int Overlap { get; init; } = 128;

    public override ValidationResult Validate()
    {
        if (Model is null && (Encoder is null || Decoder is null))
            return ValidationResult.Error("give --model DIR, or both --encoder FILE and --decoder FILE");
        if (Model is not null && (Encoder is not null || Decoder is not null))
            return ValidationResult.Error("give either --model or --encoder/--decoder, not both");
        if (TileSize <= 0) return ValidationResult.Error("--tile-size must be positive");
        if (Overlap < 0 || Overlap >= TileSize) return ValidationResult.Error("--overlap must be >= 0 and smaller than --tile-size");
        if (Device is not ("cpu" or "cuda")) return ValidationResult.Error($"--device must be cpu or cuda, not '{Device}'");
        if (Stretch is not ("auto" or "percentile" or "minmax" or "none"))
            return ValidationResult.Error($"--stretch must be auto, percentile, minmax or none, not '{Stretch}'");
        if (CacheSizeGib <= 0) return ValidationResult.Error("--cache-size must be positive");
        return ValidationResult.Success();
    }

    /// <summary>The raster options these settings describe.</summary>
    public RasterSourceOptions ToSourceOptions() => new()
    {
        Bands = Bands,
        Stretch = ToStretchOptions(),
        TileSize = TileSize,
        Overlap = Overlap,
        AssumeCrs = AssumeCrs,
        HashContent = HashRaster,
    };

    private StretchOptions ToStretchOptions()
    {
        var (low, high) = ParsePair(Percentiles, "--percentiles");
        var ranges = StretchRanges.Select(r => ParsePair(r, "--stretch-range")).ToArray();
        var mode = ranges.Length > 0 ? StretchMode.Explicit : Stretch switch
        {
            "percentile" => StretchMode.Percentile,
            "minmax" => StretchMode.MinMax,
            "none" => StretchMode.None,
            _ => StretchMode.Auto,
        };
        return new StretchOptions { Mode = mode, LowPercent = low, HighPercent = high, Ranges = ranges };
    }

    /// <summary>Loads the model these settings name.</summary>
    public SamModel LoadModel()
    {
        var options = new SamModelOptions
        {
            Device = Device == "cuda" ? InferenceDevice.Cuda : InferenceDevice.Cpu,
            IntraOpThreads = Threads,
        };
        return Model is not null ? SamModel.Load(Model, options) : SamModel.Load(Encoder!, Decoder!, options);
    }

    /// <summary>The embedding cache, or null with --no-cache.</summary>
    public EmbeddingCache? OpenCache() =>
        NoCache ? null : new EmbeddingCache(Cache ?? EmbeddingCache.DefaultDirectory, (long)(CacheSizeGib * (1L << 30)));

    /// <summary>Prints the model's notice (e.g. that it is a stand-in), if it has one.</summary>
    public static void ShowNotice(IAnsiConsole console, SamModel model)
    {
        if (model.Notice is { } notice) console.MarkupLineInterpolated($"[yellow]note:[/] {notice}");
    }

    /// <summary>Parses "a,b" as two numbers.</summary>
    public static (double A, double B) ParsePair(string text, string option)
    {
        var v = ParseNumbers(text, 2, option, "two numbers separated by a comma");
        return (v[0], v[1]);
    }

    /// <summary>Parses "x1,x2,...,xn" as exactly <paramref name="count"/> numbers.</summary>
    public static double[] ParseNumbers(string text, int count, string option, string shape)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        bool ok = parts.Length == count;
        for (int i = 0; ok && i < parts.Length; i++)
            ok = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i]);
        return ok ? values : throw new SamGeoInputException($"{option} '{text}' is not {shape}");
    }
}
