using Microsoft.ML.OnnxRuntime;

namespace Sam.Geo.Inference;

/// <summary>The one place that creates ONNX Runtime sessions and turns ORT failures into typed, one-line errors.</summary>
internal static class OrtSessions
{
    public static InferenceSession Create(string path, SamModelOptions options, string role)
    {
        if (!File.Exists(path)) throw new SamGeoInputException($"SAM {role} model not found: {path}");
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = options.IntraOpThreads ?? Environment.ProcessorCount,
        };
        if (options.Device == InferenceDevice.Cuda) AppendCuda(sessionOptions, options.CudaDeviceId);
        try
        {
            return new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelContractException(path, $"not a loadable ONNX model ({FirstLine(e.Message)})");
        }
    }

    private static void AppendCuda(SessionOptions sessionOptions, int deviceId)
    {
        if (!OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider"))
            throw new InferenceDeviceException(
                "device 'cuda' is not available: this ONNX Runtime build has no CUDA execution provider (use the Microsoft.ML.OnnxRuntime.Gpu package, or device 'cpu')");
        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(deviceId);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InferenceDeviceException($"device 'cuda' is not available: {FirstLine(e.Message)}");
        }
    }

    public static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
