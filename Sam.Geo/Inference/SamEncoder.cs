using Microsoft.ML.OnnxRuntime;

namespace Sam.Geo.Inference;

/// <summary>
/// Runs a SAM 1 image encoder: 8-bit RGB window in, <see cref="ImageEmbedding"/> out. The session and the
/// preprocessing buffers are created once and reused; calls are serialised (the encoder already uses all
/// intra-op threads). Dispose to release the native session.
/// </summary>
public sealed class SamEncoder : IDisposable
{
    private static readonly TensorContract Nchw = new("image", "[1,3,1024,1024]", 1, 3, ModelFrame.Size, ModelFrame.Size);
    private static readonly TensorContract Hwc = new("input_image", "[h,w,3]", -1, -1, 3);
    private static readonly long[] EmbeddingShape = [1, 256, 64, 64];

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly RunOptions _runOptions = new();
    private readonly Lock _gate = new();
    private readonly byte[] _resized = new byte[ModelFrame.Size * ModelFrame.Size * 3];
    private readonly float[] _input = new float[SamPreprocessor.TensorLength];

    private SamEncoder(InferenceSession session, string modelPath, EncoderInputStyle style, string inputName, string outputName)
    {
        _session = session;
        ModelPath = modelPath;
        InputStyle = style;
        _inputName = inputName;
        _outputName = outputName;
    }

    /// <summary>The ONNX file this encoder runs.</summary>
    public string ModelPath { get; }

    /// <summary>Whether the client normalises and pads (NCHW) or the graph does (HWC pixels).</summary>
    public EncoderInputStyle InputStyle { get; }

    /// <summary>
    /// Loads and validates an encoder. The input style is detected from the input's rank (4 = normalised
    /// NCHW [1,3,1024,1024], 3 = HWC pixels [h,w,3]) unless <see cref="SamModelOptions.EncoderInputStyle"/> says.
    /// </summary>
    /// <exception cref="SamGeoInputException">The file does not exist.</exception>
    /// <exception cref="ModelContractException">The model's input or output does not follow the contract.</exception>
    /// <exception cref="InferenceDeviceException">The requested device is not available.</exception>
    public static SamEncoder Load(string path, SamModelOptions? options = null)
    {
        options ??= new SamModelOptions();
        var session = OrtSessions.Create(path, options, "encoder");
        try
        {
            var (style, input) = DetectInput(path, session.InputMetadata, options.EncoderInputStyle);
            string output = ValidateOutput(path, session.OutputMetadata);
            return new SamEncoder(session, path, style, input, output);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Preprocesses (SAM-CONTRACTS §2) and encodes one image.</summary>
    /// <param name="rgb">8-bit interleaved RGB, row-major, <c>width*height*3</c> bytes: the window in its own pixels.</param>
    /// <param name="width">Window width in pixels.</param>
    /// <param name="height">Window height in pixels.</param>
    /// <returns>A new embedding that owns its data.</returns>
    /// <exception cref="ModelContractException">The model failed to run on this input.</exception>
    public ImageEmbedding Encode(ReadOnlySpan<byte> rgb, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgb.Length < (long)width * height * 3)
            throw new ArgumentException($"rgb holds {rgb.Length} bytes; a {width}x{height} RGB image needs {(long)width * height * 3}", nameof(rgb));

        var embedding = new float[ImageEmbedding.Length];
        lock (_gate)
        {
            var (frame, shape, count) = SamPreprocessor.ToEncoderInput(rgb, width, height, InputStyle, _resized, _input);

            // zero-copy: both tensors wrap managed arrays, pinned for the duration of the run
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _input.AsMemory(0, count), shape);
            using var output = OrtValue.CreateTensorValueFromMemory(embedding, EmbeddingShape);
            try
            {
                _session.Run(_runOptions, [_inputName], [input], [_outputName], [output]);
            }
            catch (OnnxRuntimeException e)
            {
                throw new ModelContractException(ModelPath, $"encoder run failed ({OrtSessions.FirstLine(e.Message)})");
            }
            return new ImageEmbedding(embedding, frame);
        }
    }

    /// <summary>Releases the native session.</summary>
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private static (EncoderInputStyle Style, string Name) DetectInput(
        string path, IReadOnlyDictionary<string, NodeMetadata> inputs, EncoderInputStyle? forced)
    {
        if (inputs.Count != 1)
            throw new ModelContractException(path,
                $"an image encoder has one input, this model has {inputs.Count} ({string.Join(", ", inputs.Keys)})");
        var (name, meta) = inputs.First();
        var style = forced ?? (meta.Dimensions.Length == 3 ? EncoderInputStyle.HwcPixels : EncoderInputStyle.NormalizedNchw);
        var contract = style == EncoderInputStyle.HwcPixels ? Hwc : Nchw;
        if (!contract.Matches(meta))
            throw new ModelContractException(path,
                $"input '{name}' has shape {TensorContract.Describe(meta)}; expected {contract.ExpectedShape} float32 ({Describe(style)})");
        return (style, name);
    }

    private static string ValidateOutput(string path, IReadOnlyDictionary<string, NodeMetadata> outputs)
    {
        var contract = new TensorContract("image_embeddings", "[1,256,64,64]", 1, 256, 64, 64);
        if (!outputs.ContainsKey(contract.Name) && outputs.Count == 1)
            contract = contract with { Name = outputs.Keys.First() }; // a lone output under another name
        contract.Check(path, "output", outputs);
        return contract.Name;
    }

    private static string Describe(EncoderInputStyle style) => style == EncoderInputStyle.HwcPixels
        ? "HWC RGB 0-255 pixels, preprocessing in the graph"
        : "normalised NCHW";
}
