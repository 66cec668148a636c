using Sam.Geo.Interop;
using Sam.Geo.Raster;

namespace Sam.Geo.Export;

/// <summary>Creates the <see cref="IFeatureSink"/> for an output path by its extension.</summary>
public static class FeatureSinks
{
    /// <summary>The vector formats: GeoJSON (.geojson, .json), Shapefile (.shp), GeoPackage (.gpkg).</summary>
    public static IReadOnlyList<OutputFormat> Formats { get; } = [OutputFormat.GeoJson, OutputFormat.Shapefile, OutputFormat.GeoPackage];

    /// <summary>
    /// Opens a sink writing to a temporary file next to <paramref name="path"/>; the output appears at
    /// <paramref name="path"/> on <see cref="IFeatureSink.Commit"/>. The caller disposes the sink.
    /// </summary>
    /// <param name="path">Output file; its extension chooses the format.</param>
    /// <param name="schema">The attribute fields.</param>
    /// <param name="sourceCrs">The CRS of the geometries given to <see cref="IFeatureSink.Write"/> (the raster's).
    /// Borrowed: the sink keeps its own copy.</param>
    /// <param name="options">Overwrite, target CRS, layer name, batch size; null for the defaults.</param>
    /// <exception cref="SamGeoInputException">Unsupported extension (the supported ones are listed), missing
    /// folder, existing output without overwrite, or a GeoJSON target CRS without an EPSG code.</exception>
    public static IFeatureSink Create(string path, FeatureSchema schema, SpatialReference sourceCrs, FeatureSinkOptions? options = null) =>
        CreateWithLayerType(path, schema, sourceCrs, options ?? new FeatureSinkOptions(), GdalNative.wkbPolygon);

    /// <summary>As the public overload, with the OGR layer geometry type (tests write point layers with it).</summary>
    internal static IFeatureSink CreateWithLayerType(string path, FeatureSchema schema, SpatialReference sourceCrs, FeatureSinkOptions options, int ogrGeometryType)
    {
        var output = AtomicOutput.Begin(path, options.Overwrite, [.. Formats]);
        try
        {
            return output.Format == OutputFormat.GeoJson
                ? new GeoJsonFeatureSink(output, schema, sourceCrs, options)
                : new OgrFeatureSink(output, schema, sourceCrs, options, ogrGeometryType);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }
}
