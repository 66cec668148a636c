using Microsoft.ML.OnnxRuntime;

namespace Sam.Geo.Inference;

/// <summary>
/// Runs a SAM 1 mask decoder (official export, MobileSAM; SAM-CONTRACTS §1) against an
/// <see cref="ImageEmbedding"/>. The session is created once; every call keeps its buffers to itself, so one
/// decoder can serve several threads. Dispose to release the native session.
/// </summary>
public sealed class SamDecoder : IDisposable
{
    private static readonly TensorContract[] Inputs =
    [
        new("image_embeddings", "[1,256,64,64]", 1, 256, 64, 64),
        new("point_coords", "[1,N,2]", 1, -1, 2),
        new("point_labels", "[1,N]", 1, -1),
        new("mask_input", "[1,1,256,256]", 1, 1, 256, 256),
        new("has_mask_input", "[1]", 1),
        new("orig_im_size", "[2]", 2),
    ];

    private static readonly TensorContract[] Outputs =
    [
        new("masks", "[1,C,H,W]", 1, -1, -1, -1),
        new("iou_predictions", "[1,C]", 1, -1),
        new("low_res_masks", "[1,C,256,256]", 1, -1, 256, 256),
    ];

    private static readonly string[] InputNames = Inputs.Select(c => c.Name).ToArray();
    private static readonly string[] OutputNames = Outputs.Select(c => c.Name).ToArray();
    private static readonly float[] NoMask = new float[SamMaskPrediction.LowResSize * SamMaskPrediction.LowResSize];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private int _maskCount; // C; 0 until known from metadata or a first run

    private SamDecoder(InferenceSession session, string modelPath, int maskCount)
    {
        _session = session;
        ModelPath = modelPath;
        _maskCount = maskCount;
    }

    /// <summary>The ONNX file this decoder runs.</summary>
    public string ModelPath { get; }

    /// <summary>C, masks per prompt, when the model declares it or after the first call; otherwise null.</summary>
    public int? MaskCount => _maskCount > 0 ? _maskCount : null;

    /// <summary>Loads a decoder and checks its inputs and outputs (names, ranks, fixed dims, float32).</summary>
    /// <exception cref="SamGeoInputException">The file does not exist.</exception>
    /// <exception cref="ModelContractException">An input or output does not follow the contract.</exception>
    /// <exception cref="InferenceDeviceException">The requested device is not available.</exception>
    public static SamDecoder Load(string path, SamModelOptions? options = null)
    {
        var session = OrtSessions.Create(path, options ?? new SamModelOptions(), "decoder");
        try
        {
            foreach (var c in Inputs) c.Check(path, "input", session.InputMetadata);
            foreach (var c in Outputs) c.Check(path, "output", session.OutputMetadata);
            int declared = session.OutputMetadata["masks"].Dimensions[1];
            return new SamDecoder(session, path, Math.Max(declared, 0));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Decodes one prompt.</summary>
    /// <param name="embedding">The embedding of the window the prompt refers to.</param>
    /// <param name="prompt">Clicks and/or a box in that window's pixel coordinates.</param>
    /// <param name="maskInput">
    /// Empty, or 256×256 low-resolution logits from a previous call (<see cref="SamMaskPrediction.GetLowResLogits"/>)
    /// to refine; sent with <c>has_mask_input</c> = 1.
    /// </param>
    /// <returns>All C masks at the window size, their IoU predictions and low-resolution logits.</returns>
    public SamMaskPrediction Decode(ImageEmbedding embedding, SamPrompt prompt, ReadOnlySpan<float> maskInput = default)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(prompt);
        if (!maskInput.IsEmpty && maskInput.Length != NoMask.Length)
            throw new ArgumentException($"a mask input has {NoMask.Length} values (256x256), got {maskInput.Length}", nameof(maskInput));

        int n = SamPromptEncoder.PointCount(prompt);
        using var call = new DecoderCall(embedding, n, maskInput);
        SamPromptEncoder.Encode(prompt, embedding.Frame, call.Coords, call.Labels);
        var prediction = Run(call, null, null);
        prediction.PointCount = n;
        return prediction;
    }

    /// <summary>
    /// Decodes many single-click prompts against one embedding (automatic mode: one foreground click plus the
    /// padding point per call). Input and output tensors are created once and rewritten in place, so the loop
    /// allocates nothing per point. The <see cref="SamMaskPrediction"/> passed to <paramref name="onPrediction"/>
    /// is reused and overwritten by the next point: use it inside the callback or <see cref="SamMaskPrediction.Clone"/> it.
    /// </summary>
    /// <param name="embedding">The embedding of the window.</param>
    /// <param name="points">
    /// Clicks in SAM's own pixel coordinates, passed to the graph as <c>x * newW / w</c> without the half-pixel
    /// correction <see cref="SamPromptEncoder"/> applies to GDAL corner-origin prompts: automatic mode builds its
    /// grid exactly as SAM's automatic mask generator does (<c>(i + 0.5) / n</c> of the window), so the clicks land
    /// where SAM's would.
    /// </param>
    /// <param name="onPrediction">Called with the index of the point and its prediction.</param>
    public void DecodePoints(ImageEmbedding embedding, IReadOnlyList<SamPoint> points, Action<int, SamMaskPrediction> onPrediction)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(onPrediction);
        using var call = new DecoderCall(embedding, 2, default);
        call.Labels[1] = SamPromptEncoder.Padding; // coordinates (0,0) stay
        SamMaskPrediction? prediction = null;
        OrtValue[]? outputs = null;
        try
        {
            for (int i = 0; i < points.Count; i++)
            {
                var (x, y) = embedding.Frame.ToModel(points[i].X, points[i].Y);
                call.Coords[0] = (float)x;
                call.Coords[1] = (float)y;
                call.Labels[0] = points[i].IsForeground ? SamPromptEncoder.Foreground : SamPromptEncoder.Background;
                prediction = Run(call, prediction, outputs);
                outputs ??= Bind(prediction);
                prediction.PointCount = 2;
                onPrediction(i, prediction);
            }
        }
        finally
        {
            DisposeAll(outputs);
        }
    }

    /// <summary>Releases the native session.</summary>
    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    // Runs into 'reuse' through 'bound' outputs when given; else into a new prediction (ORT-allocated outputs
    // copied once when C is still unknown).
    private SamMaskPrediction Run(DecoderCall call, SamMaskPrediction? reuse, OrtValue[]? bound)
    {
        try
        {
            if (reuse is not null && bound is not null)
            {
                _session.Run(_runOptions, InputNames, call.Values, OutputNames, bound);
                return reuse;
            }
            var frame = call.Frame;
            if (_maskCount > 0)
            {
                var prediction = new SamMaskPrediction(_maskCount, frame.OriginalWidth, frame.OriginalHeight);
                var outputs = Bind(prediction);
                try
                {
                    _session.Run(_runOptions, InputNames, call.Values, OutputNames, outputs);
                }
                finally
                {
                    DisposeAll(outputs);
                }
                return prediction;
            }
            using var results = _session.Run(_runOptions, InputNames, call.Values, OutputNames);
            int c = (int)results[0].GetTensorTypeAndShape().Shape[1];
            var first = new SamMaskPrediction(c, frame.OriginalWidth, frame.OriginalHeight);
            results[0].GetTensorDataAsSpan<float>().CopyTo(first.Masks);
            results[1].GetTensorDataAsSpan<float>().CopyTo(first.IouPredictions);
            results[2].GetTensorDataAsSpan<float>().CopyTo(first.LowResMasks);
            _maskCount = c;
            return first;
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelContractException(ModelPath, $"decoder run failed ({OrtSessions.FirstLine(e.Message)})");
        }
    }

    private static OrtValue[] Bind(SamMaskPrediction p) =>
    [
        OrtValue.CreateTensorValueFromMemory(p.Masks, [1, p.MaskCount, p.Height, p.Width]),
        OrtValue.CreateTensorValueFromMemory(p.IouPredictions, [1, p.MaskCount]),
        OrtValue.CreateTensorValueFromMemory(p.LowResMasks, [1, p.MaskCount, SamMaskPrediction.LowResSize, SamMaskPrediction.LowResSize]),
    ];

    private static void DisposeAll(OrtValue[]? values)
    {
        if (values is null) return;
        foreach (var v in values) v.Dispose();
    }

    /// <summary>The input tensors of one call, wrapping its own managed arrays zero-copy.</summary>
    private sealed class DecoderCall : IDisposable
    {
        public DecoderCall(ImageEmbedding embedding, int pointCount, ReadOnlySpan<float> maskInput)
        {
            Frame = embedding.Frame;
            Coords = new float[pointCount * 2];
            Labels = new float[pointCount];
            float[] mask = maskInput.IsEmpty ? NoMask : maskInput.ToArray();
            Values =
            [
                OrtValue.CreateTensorValueFromMemory(embedding.Data, [1, 256, 64, 64]),
                OrtValue.CreateTensorValueFromMemory(Coords, [1, pointCount, 2]),
                OrtValue.CreateTensorValueFromMemory(Labels, [1, pointCount]),
                OrtValue.CreateTensorValueFromMemory(mask, [1, 1, 256, 256]),
                OrtValue.CreateTensorValueFromMemory(new[] { maskInput.IsEmpty ? 0f : 1f }, [1]),
                OrtValue.CreateTensorValueFromMemory(new float[] { Frame.OriginalHeight, Frame.OriginalWidth }, [2]),
            ];
        }

        public ModelFrame Frame { get; }
        public float[] Coords { get; }
        public float[] Labels { get; }
        public OrtValue[] Values { get; }

        public void Dispose() => DisposeAll(Values);
    }
}
