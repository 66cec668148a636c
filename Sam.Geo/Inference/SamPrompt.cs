namespace Sam.Geo.Inference;

/// <summary>A click in original window pixels (x right, y down), passed to SAM as given.</summary>
/// <param name="X">Column coordinate in window pixels.</param>
/// <param name="Y">Row coordinate in window pixels.</param>
/// <param name="IsForeground">True for a foreground click (label 1), false for background (label 0).</param>
public readonly record struct SamPoint(double X, double Y, bool IsForeground = true);

/// <summary>A box in original window pixels; the corners may come in any order.</summary>
/// <param name="X0">One corner's x.</param>
/// <param name="Y0">One corner's y.</param>
/// <param name="X1">The opposite corner's x.</param>
/// <param name="Y1">The opposite corner's y.</param>
public readonly record struct SamBox(double X0, double Y0, double X1, double Y1);

/// <summary>
/// A decoder prompt: clicks and an optional box, all in the original window's pixel coordinates
/// (the frame of the <see cref="ImageEmbedding"/>). Coordinates go to the model unchanged apart from the
/// scaling to the 1024 frame: no half-pixel offset is added (the SAM decoder graph adds its own).
/// </summary>
public sealed record SamPrompt
{
    /// <summary>Creates a prompt; it needs at least one click or a box.</summary>
    public SamPrompt(IReadOnlyList<SamPoint> points, SamBox? box = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0 && box is null) throw new ArgumentException("a prompt needs at least one point or a box");
        Points = points;
        Box = box;
    }

    /// <summary>The clicks, in the order they are sent.</summary>
    public IReadOnlyList<SamPoint> Points { get; }

    /// <summary>The box, or null.</summary>
    public SamBox? Box { get; }

    /// <summary>A single foreground click.</summary>
    public static SamPrompt Click(double x, double y) => new([new SamPoint(x, y)]);

    /// <summary>A box alone.</summary>
    public static SamPrompt ForBox(SamBox box) => new([], box);
}
