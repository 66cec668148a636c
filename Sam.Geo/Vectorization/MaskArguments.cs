namespace Sam.Geo.Vectorization;

/// <summary>Checks the size arguments that every public mask entry point takes.</summary>
internal static class MaskArguments
{
    public static void Validate(int length, int width, int height, string maskName = "mask")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if ((long)width * height != length)
            throw new ArgumentException(
                $"The {maskName} has {length} values but {width}×{height} = {(long)width * height} were expected.", maskName);
        // Labelling keeps a one-pixel border around the mask in a single array.
        if ((long)(width + 2) * (height + 2) > Array.MaxLength)
            throw new ArgumentException(
                $"The {maskName} of {width}×{height} pixels is too large to process at once; split it into tiles.", maskName);
    }

    public static void Validate(PixelConnectivity connectivity)
    {
        if (connectivity is not (PixelConnectivity.Four or PixelConnectivity.Eight))
            throw new ArgumentOutOfRangeException(nameof(connectivity), connectivity, "Connectivity must be Four or Eight.");
    }
}
