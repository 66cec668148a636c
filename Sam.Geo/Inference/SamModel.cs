using System.Text.Json;

namespace Sam.Geo.Inference;

/// <summary>
/// A SAM 1 encoder/decoder pair, loaded and validated once. A model directory holds <c>encoder.onnx</c> and
/// <c>decoder.onnx</c>, or a <c>samgeo-model.json</c> manifest naming other files:
/// <c>{"encoder": "vit_b_encoder.onnx", "decoder": "vit_b_decoder.onnx", "family": "sam", "encoderInput": "nchw"}</c>
/// (<c>family</c> and <c>encoderInput</c> optional; <c>encoderInput</c> is <c>nchw</c> or <c>hwc</c>; optional
/// <c>name</c> for the features' <c>model</c> attribute and <c>notice</c>, a line shown to users).
/// Dispose to release both native sessions.
/// </summary>
public sealed class SamModel : IDisposable
{
    /// <summary>Name of the optional manifest inside a model directory.</summary>
    public const string ManifestFileName = "samgeo-model.json";

    private static readonly string[] SupportedFamilies = ["sam", "sam1", "mobilesam"];

    private SamModel(SamEncoder encoder, SamDecoder decoder, string name, string? notice)
    {
        Encoder = encoder;
        Decoder = decoder;
        Name = name;
        Notice = notice;
    }

    /// <summary>
    /// The model's name, written to every feature's <c>model</c> attribute: the manifest's <c>name</c>, else
    /// the model directory's name, else the encoder file's name without extension.
    /// </summary>
    public string Name { get; }

    /// <summary>A line to show users from the manifest's <c>notice</c> (e.g. that this is a stand-in model), or null.</summary>
    public string? Notice { get; }

    /// <summary>The image encoder.</summary>
    public SamEncoder Encoder { get; }

    /// <summary>The mask decoder.</summary>
    public SamDecoder Decoder { get; }

    /// <summary>Loads the models in <paramref name="directory"/> (see the type's remarks for the layout).</summary>
    /// <exception cref="SamGeoInputException">The directory does not exist.</exception>
    /// <exception cref="SamGeoInputException">A model file does not exist.</exception>
    /// <exception cref="ModelContractException">The manifest or a model does not follow the contract.</exception>
    /// <exception cref="InferenceDeviceException">The requested device is not available.</exception>
    public static SamModel Load(string directory, SamModelOptions? options = null)
    {
        if (!Directory.Exists(directory)) throw new SamGeoInputException($"SAM model directory not found: {directory}");
        options ??= new SamModelOptions();
        string manifestPath = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            var plain = Load(Path.Combine(directory, "encoder.onnx"), Path.Combine(directory, "decoder.onnx"), options);
            return new SamModel(plain.Encoder, plain.Decoder, new DirectoryInfo(directory).Name, null);
        }

        var manifest = ReadManifest(manifestPath);
        if (manifest.Family is { } family && !SupportedFamilies.Contains(family.ToLowerInvariant()))
            throw new ModelContractException(manifestPath,
                $"family '{family}' is not supported (supported: {string.Join(", ", SupportedFamilies)})");
        if (manifest.EncoderInput is { } style && options.EncoderInputStyle is null)
            options = options with { EncoderInputStyle = ParseStyle(manifestPath, style) };
        var model = Load(Path.Combine(directory, manifest.Encoder ?? "encoder.onnx"),
            Path.Combine(directory, manifest.Decoder ?? "decoder.onnx"), options);
        return new SamModel(model.Encoder, model.Decoder, manifest.Name ?? new DirectoryInfo(directory).Name, manifest.Notice);
    }

    /// <summary>Loads an explicit encoder and decoder.</summary>
    /// <exception cref="SamGeoInputException">A model file does not exist.</exception>
    /// <exception cref="ModelContractException">A model does not follow the contract.</exception>
    /// <exception cref="InferenceDeviceException">The requested device is not available.</exception>
    public static SamModel Load(string encoderPath, string decoderPath, SamModelOptions? options = null)
    {
        // check both files first, so a missing decoder is reported before an expensive encoder load
        if (!File.Exists(encoderPath)) throw new SamGeoInputException($"SAM encoder model not found: {encoderPath}");
        if (!File.Exists(decoderPath)) throw new SamGeoInputException($"SAM decoder model not found: {decoderPath}");
        var encoder = SamEncoder.Load(encoderPath, options);
        try
        {
            return new SamModel(encoder, SamDecoder.Load(decoderPath, options), Path.GetFileNameWithoutExtension(encoderPath), null);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    /// <summary>Releases both sessions.</summary>
    public void Dispose()
    {
        Encoder.Dispose();
        Decoder.Dispose();
    }

    private static Manifest ReadManifest(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), JsonOptions)
                ?? throw new ModelContractException(path, "the manifest is empty");
        }
        catch (JsonException e)
        {
            throw new ModelContractException(path, $"invalid manifest JSON ({OrtSessions.FirstLine(e.Message)})");
        }
    }

    private static EncoderInputStyle ParseStyle(string path, string style) => style.ToLowerInvariant() switch
    {
        "nchw" => EncoderInputStyle.NormalizedNchw,
        "hwc" => EncoderInputStyle.HwcPixels,
        _ => throw new ModelContractException(path, $"encoderInput '{style}' is not one of: nchw, hwc"),
    };

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Manifest(string? Encoder, string? Decoder, string? Family, string? EncoderInput, string? Name, string? Notice);
}
