namespace Sam.Geo.Raster;

/// <summary>GDAL's pixel data types (GDALDataType values).</summary>
public enum RasterDataType
{
    /// <summary>Unknown or unsupported.</summary>
    Unknown = 0,
    /// <summary>8-bit unsigned.</summary>
    Byte = 1,
    /// <summary>16-bit unsigned.</summary>
    UInt16 = 2,
    /// <summary>16-bit signed.</summary>
    Int16 = 3,
    /// <summary>32-bit unsigned.</summary>
    UInt32 = 4,
    /// <summary>32-bit signed.</summary>
    Int32 = 5,
    /// <summary>32-bit float.</summary>
    Float32 = 6,
    /// <summary>64-bit float.</summary>
    Float64 = 7,
}

/// <summary>Maps CLR element types to <see cref="RasterDataType"/>.</summary>
public static class RasterDataTypes
{
    /// <summary>The GDAL type that matches <typeparamref name="T"/>.</summary>
    public static RasterDataType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? RasterDataType.Byte
        : typeof(T) == typeof(ushort) ? RasterDataType.UInt16
        : typeof(T) == typeof(short) ? RasterDataType.Int16
        : typeof(T) == typeof(uint) ? RasterDataType.UInt32
        : typeof(T) == typeof(int) ? RasterDataType.Int32
        : typeof(T) == typeof(float) ? RasterDataType.Float32
        : typeof(T) == typeof(double) ? RasterDataType.Float64
        : throw new NotSupportedException($"No GDAL data type for {typeof(T).Name}.");
}
