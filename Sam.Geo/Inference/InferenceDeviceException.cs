namespace Sam.Geo.Inference;

/// <summary>The requested inference device (e.g. CUDA) is not available in this ONNX Runtime build or machine.</summary>
public sealed class InferenceDeviceException : SamGeoInputException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public InferenceDeviceException(string message) : base(message)
    {
    }
}
