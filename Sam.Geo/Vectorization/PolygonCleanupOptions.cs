namespace Sam.Geo.Vectorization;

/// <summary>
/// What <see cref="PolygonCleaner"/> does to vectorised polygons. All areas and lengths are in pixel units
/// (pixels² and pixels); convert from square metres with the raster's pixel area before building the options.
/// Immutable; every setter rejects negative or non-finite values.
/// </summary>
public sealed record PolygonCleanupOptions
{
    /// <summary>
    /// The defaults: nothing dropped or filled, and simplification at 0.5 px. Half a pixel keeps every output
    /// vertex and edge within half a pixel of the pixel-exact outline (inside the uncertainty of the pixel that
    /// decided it) while removing the staircase vertices of gently sloped edges; steeper staircases are kept.
    /// </summary>
    public static PolygonCleanupOptions Default { get; } = new();

    /// <summary>Options that leave pixel-exact polygons unchanged (no drop, no fill, no simplification).</summary>
    public static PolygonCleanupOptions None { get; } = new() { SimplifyToleranceInPixels = 0 };

    /// <summary>Polygon parts whose area (holes subtracted, after hole filling) is below this are dropped. Pixels².</summary>
    public double MinPartAreaInPixels
    {
        get;
        init => field = NonNegative(value, nameof(MinPartAreaInPixels));
    }

    /// <summary>Holes whose area is below this are filled. Pixels².</summary>
    public double MaxHoleAreaInPixels
    {
        get;
        init => field = NonNegative(value, nameof(MaxHoleAreaInPixels));
    }

    /// <summary>
    /// Distance tolerance of NTS's <c>TopologyPreservingSimplifier</c> in pixels; 0 disables simplification.
    /// Defaults to 0.5 (see <see cref="Default"/>).
    /// </summary>
    public double SimplifyToleranceInPixels
    {
        get;
        init => field = NonNegative(value, nameof(SimplifyToleranceInPixels));
    } = 0.5;

    /// <summary>When true, only the part with the largest area survives (the first one on a tie).</summary>
    public bool KeepLargestPartOnly { get; init; }

    private static double NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0.");
        return value;
    }
}
