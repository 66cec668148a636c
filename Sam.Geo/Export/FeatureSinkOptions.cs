using Sam.Geo.Raster;

namespace Sam.Geo.Export;

/// <summary>How <see cref="FeatureSinks.Create"/> writes an output.</summary>
public sealed record FeatureSinkOptions
{
    /// <summary>Replace an existing output (all of a Shapefile's files) instead of refusing it.</summary>
    public bool Overwrite { get; init; }

    /// <summary>
    /// The CRS to write coordinates in; null for the format's default: WGS 84 lon/lat for GeoJSON (RFC 7946),
    /// the source (raster) CRS for Shapefile and GeoPackage. Borrowed: the sink keeps its own copy.
    /// </summary>
    public SpatialReference? TargetCrs { get; init; }

    /// <summary>The layer name (GeoPackage, and the GeoJSON "name" member); null for the file name without extension.</summary>
    public string? LayerName { get; init; }

    /// <summary>Features per transaction for formats that have transactions (GeoPackage).</summary>
    public int BatchSize { get; init; } = 1000;
}
