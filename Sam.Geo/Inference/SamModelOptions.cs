namespace Sam.Geo.Inference;

/// <summary>Where ONNX Runtime runs the models.</summary>
public enum InferenceDevice
{
    /// <summary>The CPU execution provider.</summary>
    Cpu,
    /// <summary>The CUDA execution provider (needs an ONNX Runtime build with CUDA and a GPU).</summary>
    Cuda,
}

/// <summary>What the image encoder takes as input.</summary>
public enum EncoderInputStyle
{
    /// <summary><c>[1,3,1024,1024]</c> float32, normalised and zero-padded by the client.</summary>
    NormalizedNchw,
    /// <summary><c>[h,w,3]</c> float32 RGB 0-255, long side already 1024; the graph normalises and pads (samexporter).</summary>
    HwcPixels,
}

/// <summary>How SAM models are loaded and run.</summary>
public sealed record SamModelOptions
{
    /// <summary>The execution device; default CPU.</summary>
    public InferenceDevice Device { get; init; } = InferenceDevice.Cpu;

    /// <summary>CUDA device ordinal when <see cref="Device"/> is CUDA.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Intra-op threads per session; null = <see cref="Environment.ProcessorCount"/>.</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>Forces the encoder input style instead of detecting it from the model's input metadata.</summary>
    public EncoderInputStyle? EncoderInputStyle { get; init; }
}
