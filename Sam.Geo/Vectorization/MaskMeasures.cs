using Sam.Geo.Raster;

namespace Sam.Geo.Vectorization;

/// <summary>Area and extent of a label in an instance-id mask.</summary>
/// <param name="AreaInPixels">Number of pixels carrying the label.</param>
/// <param name="Bounds">Smallest window holding all of them.</param>
public readonly record struct LabelMeasure(long AreaInPixels, PixelWindow Bounds);

/// <summary>
/// Area and bounding box of masks straight from the pixels, without building geometries (what automatic mode's
/// box NMS and area filters need).
/// </summary>
public static class MaskMeasures
{
    /// <summary>Number of nonzero pixels: the mask's area in pixels.</summary>
    /// <param name="mask">Row-major pixels; nonzero is inside.</param>
    public static long CountSetPixels(ReadOnlySpan<byte> mask) => mask.Length - mask.Count((byte)0);

    /// <summary>
    /// The smallest pixel window holding every nonzero pixel, or an empty window (<c>default</c>) when none is
    /// set. In pixel-corner coordinates the box is [Col, ColEnd) × [Row, RowEnd); SAM's inclusive XYXY box is
    /// (Col, Row, ColEnd - 1, RowEnd - 1).
    /// </summary>
    /// <param name="mask">Row-major pixels; nonzero is inside.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    public static PixelWindow BoundingBox(ReadOnlySpan<byte> mask, int width, int height)
    {
        MaskArguments.Validate(mask.Length, width, height);
        int minCol = int.MaxValue, maxCol = -1, minRow = -1, maxRow = -1;
        for (int row = 0; row < height; row++)
        {
            ReadOnlySpan<byte> line = mask.Slice(row * width, width);
            int first = line.IndexOfAnyExcept((byte)0);
            if (first < 0)
                continue;
            if (minRow < 0)
                minRow = row;
            maxRow = row;
            minCol = Math.Min(minCol, first);
            maxCol = Math.Max(maxCol, line.LastIndexOfAnyExcept((byte)0));
        }

        return minRow < 0 ? default : new PixelWindow(minCol, minRow, maxCol - minCol + 1, maxRow - minRow + 1);
    }

    /// <summary>Area and bounding box of every label except <paramref name="backgroundLabel"/>, in one pass.</summary>
    /// <param name="labels">Row-major labels.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="backgroundLabel">The label that is skipped.</param>
    public static IReadOnlyDictionary<int, LabelMeasure> MeasureLabels(
        ReadOnlySpan<int> labels, int width, int height, int backgroundLabel = 0)
    {
        MaskArguments.Validate(labels.Length, width, height, nameof(labels));
        var boxes = new Dictionary<int, (long Area, int MinCol, int MinRow, int MaxCol, int MaxRow)>();
        for (int row = 0; row < height; row++)
        {
            for (int col = 0; col < width; col++)
            {
                int label = labels[row * width + col];
                if (label == backgroundLabel)
                    continue;
                boxes[label] = boxes.TryGetValue(label, out var b)
                    ? (b.Area + 1, Math.Min(b.MinCol, col), b.MinRow, Math.Max(b.MaxCol, col), row)
                    : (1, col, row, col, row);
            }
        }

        return boxes.ToDictionary(
            kv => kv.Key,
            kv => new LabelMeasure(kv.Value.Area, new PixelWindow(
                kv.Value.MinCol, kv.Value.MinRow, kv.Value.MaxCol - kv.Value.MinCol + 1, kv.Value.MaxRow - kv.Value.MinRow + 1)));
    }
}
