using System.Runtime.InteropServices;

namespace Sam.Geo.Tests.Fixtures.Onnx;

/// <summary>
/// Builds an ONNX ModelProto by hand. Field numbers follow onnx/onnx.proto:
/// ModelProto{ir_version=1, producer_name=2, graph=7, opset_import=8}, OperatorSetIdProto{domain=1, version=2},
/// GraphProto{node=1, name=2, initializer=5, input=11, output=12},
/// NodeProto{input=1, output=2, name=3, op_type=4, attribute=5},
/// AttributeProto{name=1, f=2, i=3, s=4, ints=8, type=20},
/// TensorProto{dims=1, data_type=2, name=8, raw_data=9},
/// ValueInfoProto{name=1, type=2}, TypeProto{tensor_type=1}, TypeProto.Tensor{elem_type=1, shape=2},
/// TensorShapeProto{dim=1}, Dimension{dim_value=1, dim_param=2}.
/// </summary>
internal sealed class OnnxGraph
{
    public const int Float = 1;
    public const int Int64 = 7;

    private readonly List<Action<ProtoWriter>> _nodes = [];
    private readonly List<Action<ProtoWriter>> _initializers = [];
    private readonly List<Action<ProtoWriter>> _inputs = [];
    private readonly List<Action<ProtoWriter>> _outputs = [];
    private int _counter;

    /// <summary>Declares a graph input; a dim is a long (fixed) or a string (symbolic).</summary>
    public OnnxGraph Input(string name, int elemType, params object[] dims)
    {
        _inputs.Add(w => WriteValueInfo(w, name, elemType, dims));
        return this;
    }

    /// <summary>Declares a graph output; a dim is a long (fixed) or a string (symbolic).</summary>
    public OnnxGraph Output(string name, int elemType, params object[] dims)
    {
        _outputs.Add(w => WriteValueInfo(w, name, elemType, dims));
        return this;
    }

    /// <summary>Adds a float initializer and returns its name.</summary>
    public string Const(float[] values, params long[] dims) =>
        Initializer(Float, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    /// <summary>Adds a float scalar initializer.</summary>
    public string Scalar(float value) => Const([value]);

    /// <summary>Adds an int64 initializer and returns its name.</summary>
    public string ConstI64(long[] values, params long[] dims) =>
        Initializer(Int64, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    /// <summary>Adds a node with one fresh output and returns the output's name.</summary>
    public string Op(string opType, string[] inputs, params (string Name, object Value)[] attributes)
    {
        string output = $"t{_counter++}";
        Node(opType, inputs, [output], attributes);
        return output;
    }

    /// <summary>Adds a node with the given outputs.</summary>
    public OnnxGraph Node(string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        string nodeName = $"n{_counter++}";
        _nodes.Add(w =>
        {
            foreach (string i in inputs) w.String(1, i);
            foreach (string o in outputs) w.String(2, o);
            w.String(3, nodeName);
            w.String(4, opType);
            foreach (var (name, value) in attributes) w.Message(5, a => WriteAttribute(a, name, value));
        });
        return this;
    }

    /// <summary>Serialises the model (ir_version 8, default-domain opset 17 unless told).</summary>
    public byte[] ToModel(long opset = 17, long irVersion = 8)
    {
        var model = new ProtoWriter();
        model.Varint(1, irVersion);
        model.String(2, "sam-geo-tests");
        model.Message(7, g =>
        {
            foreach (var n in _nodes) g.Message(1, n);
            g.String(2, "test_graph");
            foreach (var i in _initializers) g.Message(5, i);
            foreach (var i in _inputs) g.Message(11, i);
            foreach (var o in _outputs) g.Message(12, o);
        });
        model.Message(8, o => o.String(1, "").Varint(2, opset));
        return model.ToArray();
    }

    private string Initializer(int dataType, byte[] raw, long[] dims)
    {
        string name = $"c{_counter++}";
        _initializers.Add(w =>
        {
            foreach (long d in dims) w.Varint(1, d);
            w.Varint(2, dataType);
            w.String(8, name);
            w.Bytes(9, raw);
        });
        return name;
    }

    private static void WriteValueInfo(ProtoWriter w, string name, int elemType, object[] dims)
    {
        w.String(1, name);
        w.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Varint(1, elemType);
            tensor.Message(2, shape =>
            {
                foreach (object d in dims)
                {
                    shape.Message(1, dim =>
                    {
                        if (d is string symbol) dim.String(2, symbol);
                        else dim.Varint(1, Convert.ToInt64(d));
                    });
                }
            });
        }));
    }

    private static void WriteAttribute(ProtoWriter a, string name, object value)
    {
        a.String(1, name);
        switch (value)
        {
            case int or long:
                a.Varint(3, Convert.ToInt64(value)).Varint(20, 2);
                break;
            case float f:
                a.Float(2, f).Varint(20, 1);
                break;
            case string s:
                a.String(4, s).Varint(20, 3);
                break;
            case long[] ints:
                foreach (long v in ints) a.Varint(8, v);
                a.Varint(20, 7);
                break;
            default:
                throw new ArgumentException($"unsupported attribute type {value.GetType()}");
        }
    }
}
