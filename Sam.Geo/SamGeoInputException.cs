namespace Sam.Geo;

/// <summary>
/// A mistake in what the user gave (a missing file, a raster without georeference, a band that does not
/// exist, an unknown CRS, a prompt outside the raster...). The message is one line naming the culprit; the
/// CLI prints it and exits with code 2, without a stack trace.
/// </summary>
public class SamGeoInputException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public SamGeoInputException(string message) : base(message) { }

    /// <summary>Creates the exception with its one-line message and the underlying cause.</summary>
    public SamGeoInputException(string message, Exception inner) : base(message, inner) { }
}
