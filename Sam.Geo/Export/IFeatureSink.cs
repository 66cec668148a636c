using NetTopologySuite.Features;

namespace Sam.Geo.Export;

/// <summary>
/// A streaming writer of features to one output file. Features are written as they come (memory does not grow
/// with their number); the output appears at its path only when <see cref="Commit"/> succeeds. Disposing
/// without a commit (an exception, a cancellation) deletes everything written so far.
/// </summary>
/// <remarks>Create one with <see cref="FeatureSinks.Create"/>. Not thread-safe.</remarks>
public interface IFeatureSink : IDisposable
{
    /// <summary>The final output path (absolute).</summary>
    string Path { get; }

    /// <summary>The attribute fields every feature is written with.</summary>
    FeatureSchema Schema { get; }

    /// <summary>Number of features written so far.</summary>
    long Count { get; }

    /// <summary>
    /// Writes one feature. Its geometry is in the sink's source CRS (the raster's); its attributes must be
    /// fields of <see cref="Schema"/> (missing ones are written as null).
    /// </summary>
    /// <exception cref="ArgumentException">The geometry type is not one the format holds, or an attribute is not in the schema.</exception>
    void Write(IFeature feature);

    /// <summary>Finishes the file and renames it into place. Nothing may be written afterwards.</summary>
    void Commit();
}
