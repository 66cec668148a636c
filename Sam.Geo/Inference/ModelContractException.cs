namespace Sam.Geo.Inference;

/// <summary>
/// A SAM model file does not follow the interface Sam.Geo expects (SAM-CONTRACTS §1-2), cannot be parsed,
/// or its manifest is invalid. The message is one line naming the file and the offending input or output.
/// </summary>
public sealed class ModelContractException : SamGeoInputException
{
    /// <summary>Creates the exception; the message becomes <c>"{modelPath}: {detail}"</c>.</summary>
    /// <param name="modelPath">The model (or manifest) file at fault.</param>
    /// <param name="detail">What is wrong, one line.</param>
    public ModelContractException(string modelPath, string detail)
        : base($"{modelPath}: {detail}")
    {
        ModelPath = modelPath;
    }

    /// <summary>The model (or manifest) file at fault.</summary>
    public string ModelPath { get; }
}
