using System.Buffers;
using NetTopologySuite.Geometries;

namespace Sam.Geo.Vectorization;

/// <summary>
/// Traces the pixel-edge boundaries of labelled components into polygons, in pixel coordinates with the corner
/// origin. Each boundary edge is directed with its component on the right, so shells come out clockwise and
/// holes counter-clockwise (NTS's normal orientation, computed on the raw pixel coordinates). At a vertex where
/// two pixels of the same component touch diagonally the trace turns so that the component stays joined; a hole
/// touching its shell there becomes a separate ring touching at one point, which is valid. Only vertices where
/// the direction changes are emitted.
/// </summary>
internal static class BoundaryTracer
{
    // Directions: East, South (row + 1), West, North. Right turn = d - 1, left turn = d + 1 (mod 4).
    private const int East = 0, South = 1, West = 2, North = 3;

    /// <summary>One polygon per component; element k belongs to component id k + 1.</summary>
    public static Polygon[] Trace(ComponentLabels components, GeometryFactory factory)
    {
        int width = components.Width, height = components.Height, stride = components.Stride;
        ReadOnlySpan<int> labels = components.Padded;
        var shells = new LinearRing?[components.Count + 1];
        var holes = new List<LinearRing>?[components.Count + 1];
        int words = (width * height + 63) >> 6;
        ulong[] visitedTop = ArrayPool<ulong>.Shared.Rent(words);
        Array.Clear(visitedTop, 0, words);
        var corners = new RingBuffer();
        try
        {
            for (int row = 0; row < height; row++)
            {
                int j = components.IndexOf(0, row);
                for (int col = 0; col < width; col++, j++)
                {
                    int id = labels[j];
                    if (id == 0 || labels[j - stride] == id)
                        continue;
                    int pixel = row * width + col;
                    if ((visitedTop[pixel >> 6] & (1UL << pixel)) != 0)
                        continue;
                    TraceRing(labels, stride, width, id, col, row, visitedTop, corners);
                    LinearRing ring = corners.ToRing(factory);
                    // The first ring met in scan order starts at the component's first pixel: its shell.
                    if (shells[id] is null)
                        shells[id] = ring;
                    else
                        (holes[id] ??= []).Add(ring);
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(visitedTop);
        }

        var polygons = new Polygon[components.Count];
        for (int id = 1; id <= components.Count; id++)
            polygons[id - 1] = factory.CreatePolygon(shells[id], holes[id]?.ToArray());
        return polygons;
    }

    /// <summary>Follows one ring starting on the top edge of pixel (col,row), heading west.</summary>
    private static void TraceRing(
        ReadOnlySpan<int> labels, int stride, int width, int id, int col, int row, ulong[] visitedTop, RingBuffer corners)
    {
        corners.Clear();
        int startX = col + 1, startY = row;
        int x = startX, y = startY, d = West;
        while (true)
        {
            if (d == West)
            {
                int pixel = y * width + x - 1;
                visitedTop[pixel >> 6] |= 1UL << pixel;
            }

            switch (d)
            {
                case East: x++; break;
                case South: y++; break;
                case West: x--; break;
                default: y--; break;
            }

            // se is the pixel whose top-left corner is the vertex (x, y); the other three are its neighbours.
            int se = (y + 1) * stride + x + 1;
            int aheadLeft, aheadRight;
            switch (d)
            {
                case East: aheadLeft = labels[se]; aheadRight = labels[se - stride]; break;
                case South: aheadLeft = labels[se - 1]; aheadRight = labels[se]; break;
                case West: aheadLeft = labels[se - stride - 1]; aheadRight = labels[se - 1]; break;
                default: aheadLeft = labels[se - stride]; aheadRight = labels[se - stride - 1]; break;
            }

            int next = aheadLeft == id ? (d + 1) & 3 : aheadRight == id ? d : (d + 3) & 3;
            if (next != d)
                corners.Add(x, y);
            d = next;
            if (d == West && x == startX && y == startY)
                return;
        }
    }

    /// <summary>Reusable growable buffer of integer corner coordinates.</summary>
    private sealed class RingBuffer
    {
        private int[] _xy = new int[64];
        private int _count;

        public void Clear() => _count = 0;

        public void Add(int x, int y)
        {
            if (_count * 2 + 2 > _xy.Length)
                Array.Resize(ref _xy, _xy.Length * 2);
            _xy[_count * 2] = x;
            _xy[_count * 2 + 1] = y;
            _count++;
        }

        /// <summary>Builds a closed ring (first corner repeated at the end).</summary>
        public LinearRing ToRing(GeometryFactory factory)
        {
            CoordinateSequence sequence = factory.CoordinateSequenceFactory.Create(_count + 1, 2, 0);
            for (int k = 0; k <= _count; k++)
            {
                int m = k == _count ? 0 : k;
                sequence.SetX(k, _xy[m * 2]);
                sequence.SetY(k, _xy[m * 2 + 1]);
            }

            return factory.CreateLinearRing(sequence);
        }
    }
}
