using System.Runtime.InteropServices;

namespace Sam.Geo.Interop;

/// <summary>Owns a GDALDatasetH (raster or vector); closing flushes pending writes.</summary>
internal sealed class DatasetHandle : SafeHandle
{
    public DatasetHandle() : base(0, true) { }
    internal DatasetHandle(nint h) : base(0, true) => SetHandle(h);
    public override bool IsInvalid => handle == 0;
    protected override bool ReleaseHandle() { GdalNative.GDALClose(handle); return true; }
}

/// <summary>Owns an OGRSpatialReferenceH.</summary>
internal sealed class SpatialReferenceHandle : SafeHandle
{
    public SpatialReferenceHandle() : base(0, true) { }
    internal SpatialReferenceHandle(nint h) : base(0, true) => SetHandle(h);
    public override bool IsInvalid => handle == 0;
    protected override bool ReleaseHandle() { GdalNative.OSRDestroySpatialReference(handle); return true; }
}

/// <summary>Owns an OGRCoordinateTransformationH.</summary>
internal sealed class CoordinateTransformationHandle : SafeHandle
{
    public CoordinateTransformationHandle() : base(0, true) { }
    internal CoordinateTransformationHandle(nint h) : base(0, true) => SetHandle(h);
    public override bool IsInvalid => handle == 0;
    protected override bool ReleaseHandle() { GdalNative.OCTDestroyCoordinateTransformation(handle); return true; }
}

/// <summary>Owns an OGRFeatureH created by us (features returned by a layer are owned by the caller too).</summary>
internal sealed class FeatureHandle : SafeHandle
{
    public FeatureHandle() : base(0, true) { }
    internal FeatureHandle(nint h) : base(0, true) => SetHandle(h);
    public override bool IsInvalid => handle == 0;
    protected override bool ReleaseHandle() { GdalNative.OGR_F_Destroy(handle); return true; }
}

/// <summary>A NULL-terminated <c>char**</c> list (GDAL creation/open options) in unmanaged memory.</summary>
internal sealed class CStringList : IDisposable
{
    private readonly nint[] _strings;
    private nint _array;

    public CStringList(IEnumerable<string>? items)
    {
        _strings = (items ?? []).Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        if (_strings.Length == 0) return;
        _array = Marshal.AllocCoTaskMem(nint.Size * (_strings.Length + 1));
        for (int i = 0; i < _strings.Length; i++) Marshal.WriteIntPtr(_array, i * nint.Size, _strings[i]);
        Marshal.WriteIntPtr(_array, _strings.Length * nint.Size, 0);
    }

    /// <summary>The <c>char**</c>, or NULL for an empty list.</summary>
    public nint Pointer => _array;

    public void Dispose()
    {
        foreach (var s in _strings) Marshal.FreeCoTaskMem(s);
        if (_array != 0) Marshal.FreeCoTaskMem(_array);
        _array = 0;
    }
}
