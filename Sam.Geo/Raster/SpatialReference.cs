using System.Runtime.InteropServices;
using Sam.Geo.Interop;

namespace Sam.Geo.Raster;

/// <summary>
/// A coordinate reference system (OSR). Axis order is always the traditional GIS order: x / easting /
/// longitude first, whatever the EPSG definition says. Dispose it when done.
/// </summary>
public sealed class SpatialReference : IDisposable
{
    internal SpatialReferenceHandle Handle { get; }

    private SpatialReference(SpatialReferenceHandle handle)
    {
        Handle = handle;
        GdalNative.OSRSetAxisMappingStrategy(handle.DangerousGetHandle(), GdalNative.OAMS_TRADITIONAL_GIS_ORDER);
    }

    /// <summary>Parses <c>EPSG:n</c>, WKT, a PROJ string or anything else OSRSetFromUserInput accepts.</summary>
    /// <exception cref="SamGeoInputException">The definition is not a CRS GDAL knows.</exception>
    public static SpatialReference Parse(string definition)
    {
        GdalNative.Initialize();
        if (string.IsNullOrWhiteSpace(definition)) throw new SamGeoInputException("unknown CRS '': the CRS definition is empty");
        var h = new SpatialReferenceHandle(GdalError.CheckHandle(GdalNative.OSRNewSpatialReference(null), "OSRNewSpatialReference"));
        GdalError.Reset();
        if (GdalNative.OSRSetFromUserInput(h.DangerousGetHandle(), definition.Trim()) != GdalNative.OGRERR_NONE)
        {
            h.Dispose();
            string shown = definition.Length > 80 ? definition[..77] + "..." : definition;
            throw new SamGeoInputException($"unknown CRS '{shown}': use EPSG:n, WKT or a PROJ string");
        }
        return new SpatialReference(h);
    }

    /// <summary>A CRS from an EPSG code.</summary>
    public static SpatialReference FromEpsg(int code) => Parse($"EPSG:{code}");

    /// <summary>WGS 84 geographic (EPSG:4326) in lon/lat order.</summary>
    public static SpatialReference Wgs84() => FromEpsg(4326);

    /// <summary>Wraps a handle owned by a GDAL dataset by cloning it (the clone is ours to dispose).</summary>
    internal static SpatialReference? CloneFrom(nint borrowed) =>
        borrowed == 0 ? null : new SpatialReference(new SpatialReferenceHandle(GdalNative.OSRClone(borrowed)));

    /// <summary>The CRS as WKT 1 (what older GIS software reads).</summary>
    public string Wkt => Export(GdalNative.OSRExportToWkt);

    /// <summary>The CRS as a PROJ string (lossy; for display).</summary>
    public string Proj4 => Export(GdalNative.OSRExportToProj4);

    private string Export(ExportFn fn)
    {
        int err = fn(Handle.DangerousGetHandle(), out var p);
        try
        {
            if (err != GdalNative.OGRERR_NONE) throw GdalError.Last("exporting a CRS");
            return Marshal.PtrToStringUTF8(p) ?? "";
        }
        finally { GdalNative.VSIFree(p); }
    }

    private delegate int ExportFn(nint srs, out nint text);

    /// <summary>The CRS's name, e.g. "WGS 84 / UTM zone 32N".</summary>
    public string Name => Marshal.PtrToStringUTF8(GdalNative.OSRGetName(Handle.DangerousGetHandle())) ?? "unnamed";

    /// <summary>The EPSG code when the CRS has (or can be identified with) one; otherwise null.</summary>
    public int? EpsgCode
    {
        get
        {
            nint h = Handle.DangerousGetHandle();
            string? auth = Marshal.PtrToStringUTF8(GdalNative.OSRGetAuthorityName(h, null));
            if (auth is null)
            {
                using var probe = Clone();
                nint p = probe.Handle.DangerousGetHandle();
                if (GdalNative.OSRAutoIdentifyEPSG(p) != GdalNative.OGRERR_NONE) return null;
                return ReadEpsg(p);
            }
            return ReadEpsg(h);
        }
    }

    private static int? ReadEpsg(nint h)
    {
        string? auth = Marshal.PtrToStringUTF8(GdalNative.OSRGetAuthorityName(h, null));
        string? code = Marshal.PtrToStringUTF8(GdalNative.OSRGetAuthorityCode(h, null));
        return auth == "EPSG" && int.TryParse(code, out int c) ? c : null;
    }

    /// <summary>True for a geographic (lon/lat) CRS.</summary>
    public bool IsGeographic => GdalNative.OSRIsGeographic(Handle.DangerousGetHandle()) != 0;

    /// <summary>True for a projected CRS.</summary>
    public bool IsProjected => GdalNative.OSRIsProjected(Handle.DangerousGetHandle()) != 0;

    /// <summary>Metres per linear unit (1 for metre-based CRSs); meaningless for a geographic CRS.</summary>
    public double MetresPerUnit => GdalNative.OSRGetLinearUnits(Handle.DangerousGetHandle(), out _);

    /// <summary>True when both describe the same CRS.</summary>
    public bool IsSame(SpatialReference other) =>
        GdalNative.OSRIsSame(Handle.DangerousGetHandle(), other.Handle.DangerousGetHandle()) != 0;

    /// <summary>An independent copy.</summary>
    public SpatialReference Clone() => new(new SpatialReferenceHandle(GdalNative.OSRClone(Handle.DangerousGetHandle())));

    /// <summary>"Name (EPSG:n)" or the name alone.</summary>
    public override string ToString() => EpsgCode is int c ? $"{Name} (EPSG:{c})" : Name;

    /// <inheritdoc />
    public void Dispose() => Handle.Dispose();
}
