namespace Sam.Geo.Vectorization;

/// <summary>
/// Decides which pixels are foreground and which neighbours belong to the same class. Implemented by structs so
/// that the generic labeller is specialised and inlined by the JIT.
/// </summary>
internal interface IPixelClasses<T>
{
    /// <summary>True when the pixel value is to be vectorised or labelled.</summary>
    bool IsForeground(T value);

    /// <summary>True when two foreground values belong to the same class (may join one region).</summary>
    bool SameClass(T a, T b);
}

/// <summary>Binary mask: nonzero is inside, all nonzero values are one class.</summary>
internal readonly struct NonZeroClasses : IPixelClasses<byte>
{
    public bool IsForeground(byte value) => value != 0;

    public bool SameClass(byte a, byte b) => true;
}

/// <summary>Binary mask inverted: zero pixels are the foreground (used to find holes).</summary>
internal readonly struct ZeroClasses : IPixelClasses<byte>
{
    public bool IsForeground(byte value) => value == 0;

    public bool SameClass(byte a, byte b) => true;
}

/// <summary>Instance-id mask: every value but the background is a class of its own.</summary>
internal readonly struct LabelClasses(int background) : IPixelClasses<int>
{
    public bool IsForeground(int value) => value != background;

    public bool SameClass(int a, int b) => a == b;
}
