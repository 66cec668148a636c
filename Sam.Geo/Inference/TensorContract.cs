using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Sam.Geo.Inference;

/// <summary>
/// An expected input or output: name, dims (-1 = any; a symbolic dim in the model matches anything) and
/// float32 element type. Checks model metadata and reports mismatches as <see cref="ModelContractException"/>.
/// </summary>
internal readonly record struct TensorContract(string Name, string ExpectedShape, params int[] Dims)
{
    public void Check(string modelPath, string kind, IReadOnlyDictionary<string, NodeMetadata> metadata)
    {
        if (!metadata.TryGetValue(Name, out var actual))
            throw new ModelContractException(modelPath,
                $"{kind} '{Name}' {ExpectedShape} float32 is missing (the model has: {string.Join(", ", metadata.Keys)})");
        if (!Matches(actual))
            throw new ModelContractException(modelPath,
                $"{kind} '{Name}' has shape {Describe(actual)}; expected {ExpectedShape} float32");
    }

    public bool Matches(NodeMetadata actual)
    {
        if (!actual.IsTensor || actual.ElementDataType != TensorElementType.Float) return false;
        if (actual.Dimensions.Length != Dims.Length) return false;
        for (int i = 0; i < Dims.Length; i++)
            if (Dims[i] >= 0 && actual.Dimensions[i] >= 0 && actual.Dimensions[i] != Dims[i]) return false;
        return true;
    }

    /// <summary>E.g. <c>[num_points,2] float32</c>.</summary>
    public static string Describe(NodeMetadata m)
    {
        if (!m.IsTensor) return m.OnnxValueType.ToString();
        var dims = m.Dimensions.Select((d, i) => d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : (i < m.SymbolicDimensions.Length && m.SymbolicDimensions[i].Length > 0 ? m.SymbolicDimensions[i] : "?"));
        return $"[{string.Join(",", dims)}] {ElementName(m.ElementDataType)}";
    }

    private static string ElementName(TensorElementType t) => t switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Double => "float64",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.Float16 => "float16",
        _ => t.ToString().ToLowerInvariant(),
    };
}
