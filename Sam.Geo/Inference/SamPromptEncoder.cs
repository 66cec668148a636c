namespace Sam.Geo.Inference;

/// <summary>
/// Encodes a <see cref="SamPrompt"/> as the decoder's <c>point_coords</c> [1,N,2] and <c>point_labels</c> [1,N]
/// (SAM-CONTRACTS §1): clicks first (label 1 foreground, 0 background), then the box as (x0,y0) label 2 and
/// (x1,y1) label 3; with no box one padding point (0,0) label -1. Coordinates are mapped to the model frame.
/// <para>
/// Prompt coordinates follow GDAL (corner origin: the centre of pixel i is i + 0.5). SAM's graph adds 0.5 to
/// every coordinate in the 1024 frame (its pixel-index convention), so the encoder subtracts 0.5 after
/// scaling: a continuous position u lands exactly at u·scale in the model frame.
/// </para>
/// </summary>
public static class SamPromptEncoder
{
    /// <summary>Label of a foreground click.</summary>
    public const float Foreground = 1f;
    /// <summary>Label of a background click.</summary>
    public const float Background = 0f;
    /// <summary>Label of the box's top-left corner.</summary>
    public const float BoxTopLeft = 2f;
    /// <summary>Label of the box's bottom-right corner.</summary>
    public const float BoxBottomRight = 3f;
    /// <summary>Label of the padding point.</summary>
    public const float Padding = -1f;

    /// <summary>N, the number of encoded points: clicks + 2 for a box, or clicks + 1 padding point.</summary>
    public static int PointCount(SamPrompt prompt) => prompt.Points.Count + (prompt.Box is null ? 1 : 2);

    /// <summary>Writes the encoded prompt.</summary>
    /// <param name="prompt">The prompt in original window pixels.</param>
    /// <param name="frame">The frame of the embedding the prompt is decoded against.</param>
    /// <param name="coords">Receives 2*N floats (x', y') in the 1024 frame.</param>
    /// <param name="labels">Receives N labels.</param>
    public static void Encode(SamPrompt prompt, ModelFrame frame, Span<float> coords, Span<float> labels)
    {
        int n = PointCount(prompt);
        if (coords.Length < 2 * n || labels.Length < n) throw new ArgumentException($"buffers must hold {n} points");
        int i = 0;
        foreach (var p in prompt.Points)
            Put(coords, labels, i++, frame.ToModel(p.X, p.Y), p.IsForeground ? Foreground : Background);
        if (prompt.Box is { } b)
        {
            Put(coords, labels, i++, frame.ToModel(Math.Min(b.X0, b.X1), Math.Min(b.Y0, b.Y1)), BoxTopLeft);
            Put(coords, labels, i, frame.ToModel(Math.Max(b.X0, b.X1), Math.Max(b.Y0, b.Y1)), BoxBottomRight);
        }
        else
        {
            Put(coords, labels, i, (0, 0), Padding);
        }
    }

    /// <summary>The half-pixel offset SAM's graph adds to coordinates in the model frame.</summary>
    public const double GraphPixelOffset = 0.5;

    private static void Put(Span<float> coords, Span<float> labels, int i, (double X, double Y) p, float label)
    {
        double offset = label == Padding ? 0 : GraphPixelOffset;
        coords[2 * i] = (float)(p.X - offset);
        coords[2 * i + 1] = (float)(p.Y - offset);
        labels[i] = label;
    }
}
