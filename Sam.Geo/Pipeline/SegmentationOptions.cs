using Sam.Geo.Vectorization;

namespace Sam.Geo.Pipeline;

/// <summary>What the prompted segmentation does with masks and prompts.</summary>
public sealed record SegmentationOptions
{
    /// <summary>Drop polygon parts smaller than this.</summary>
    public AreaThreshold MinArea { get; init; } = AreaThreshold.None;

    /// <summary>Fill holes smaller than this.</summary>
    public AreaThreshold MaxHoleArea { get; init; } = AreaThreshold.None;

    /// <summary>
    /// Topology-preserving simplification tolerance in window pixels. The default (0.5 px) keeps every vertex
    /// within half a pixel of the pixel-exact outline; 0 keeps the exact pixel edges.
    /// </summary>
    public double SimplifyPixels { get; init; } = PolygonCleanupOptions.Default.SimplifyToleranceInPixels;

    /// <summary>Keep only the largest part of each object.</summary>
    public bool LargestOnly { get; init; }

    /// <summary>
    /// Which pixels form one part: 4-connected (GDAL polygonize's default; every part a valid polygon) or
    /// 8-connected (pixels touching at a corner join one part, a MultiPolygon; min-area and largest-only then
    /// judge the whole part).
    /// </summary>
    public PixelConnectivity Connectivity { get; init; } = PixelConnectivity.Four;

    /// <summary>Skip prompts outside the raster with a warning instead of failing.</summary>
    public bool SkipOutside { get; init; }

    /// <summary>How many times a window may be enlarged when the mask runs into an interior window edge.</summary>
    public int MaxWindowGrowth { get; init; } = 3;

    /// <summary>Model name written to the <c>model</c> attribute.</summary>
    public string ModelName { get; init; } = "sam";
}
