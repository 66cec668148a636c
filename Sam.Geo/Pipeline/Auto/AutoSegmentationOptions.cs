using System.Globalization;
using Sam.Geo.Raster;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// Settings of automatic segmentation (<c>samgeo auto</c>). The SAM parameters default to SAM's
/// <c>SamAutomaticMaskGenerator</c> (SAM-CONTRACTS §3); the rest say how tiles are merged and polygons cleaned.
/// </summary>
public sealed record AutoSegmentationOptions
{
    /// <summary>Grid points per tile side; n² foreground clicks at <c>(i + 0.5) / n</c> of the tile size, x fastest.</summary>
    public int PointsPerSide { get; init; } = 32;

    /// <summary>
    /// Points per decoder batch (SAM's <c>points_per_batch</c>). SAM 1 ONNX decoders take one prompt per call
    /// (batch 1), so points are decoded in a loop that reuses its tensors; the value only bounds the work between
    /// cancellation checks.
    /// </summary>
    public int PointsPerBatch { get; init; } = 64;

    /// <summary>Keep masks whose predicted IoU is strictly above this.</summary>
    public double PredIouThreshold { get; init; } = 0.88;

    /// <summary>Keep masks whose stability score is at least this.</summary>
    public double StabilityThreshold { get; init; } = 0.95;

    /// <summary>Logit offset of the stability score: count(logit &gt; +offset) / count(logit &gt; -offset).</summary>
    public double StabilityOffset { get; init; } = 1.0;

    /// <summary>Box IoU above which the lower-scored of two masks of a tile is dropped.</summary>
    public double BoxNmsThreshold { get; init; } = 0.7;

    /// <summary>
    /// SAM's <c>min_mask_region_area</c> and the polygon cleanup: holes and islands of a tile's masks smaller than
    /// this are removed, and objects or polygon parts smaller than it are dropped.
    /// </summary>
    public AreaThreshold MinArea { get; init; } = AreaThreshold.None;

    /// <summary>Topology-preserving simplification tolerance in pixels; 0 keeps exact pixel edges.</summary>
    public double SimplifyPixels { get; init; } = 0.5;

    /// <summary>
    /// Two pieces seen by neighbouring tiles are one object when their pixels inside the shared overlap
    /// coincide for at least this fraction of the smaller of the two parts there.
    /// </summary>
    public double SeamMatchThreshold { get; init; } = 0.5;

    /// <summary>Only this part of the raster (raster pixels, clipped to it); null for the whole raster.</summary>
    public PixelWindow? Extent { get; init; }

    /// <summary>Model name written to the <c>model</c> attribute.</summary>
    public string ModelName { get; init; } = "sam";

    /// <summary>Checks the values.</summary>
    /// <exception cref="SamGeoInputException">A value out of range, named as the CLI option.</exception>
    public void Validate()
    {
        if (PointsPerSide is < 1 or > 1024) throw Bad("--points-per-side", PointsPerSide, "1 to 1024");
        if (PointsPerBatch < 1) throw Bad("--points-per-batch", PointsPerBatch, "at least 1");
        if (!(PredIouThreshold is >= 0 and <= 1)) throw Bad("--pred-iou-thresh", PredIouThreshold, "0 to 1");
        if (!(StabilityThreshold is >= 0 and <= 1)) throw Bad("--stability-thresh", StabilityThreshold, "0 to 1");
        if (!(StabilityOffset >= 0) || !double.IsFinite(StabilityOffset)) throw Bad("--stability-offset", StabilityOffset, "a number >= 0");
        if (!(BoxNmsThreshold is > 0 and <= 1)) throw Bad("--box-nms-thresh", BoxNmsThreshold, "above 0 and at most 1");
        if (!(SeamMatchThreshold is > 0 and <= 1)) throw Bad("seam match threshold", SeamMatchThreshold, "above 0 and at most 1");
        if (!(SimplifyPixels >= 0) || !double.IsFinite(SimplifyPixels)) throw Bad("--simplify", SimplifyPixels, "a number >= 0");
    }

    /// <summary>The settings that change the result, as one line (the resume journal refuses others).</summary>
    internal string Fingerprint() => string.Create(CultureInfo.InvariantCulture,
        $"pps={PointsPerSide} iou={PredIouThreshold:R} stab={StabilityThreshold:R} off={StabilityOffset:R} nms={BoxNmsThreshold:R} min={MinArea} seam={SeamMatchThreshold:R} extent={Extent} model={ModelName}");

    private static SamGeoInputException Bad(string option, double value, string range) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{option} {value} is out of range: give {range}"));
}
