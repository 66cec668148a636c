using System.Buffers;

namespace Sam.Geo.Vectorization;

/// <summary>
/// Two-pass connected-component labelling with union-find (Rosenfeld's classic scheme): one pass assigns
/// provisional labels and records equivalences, a flatten step numbers the roots, a second pass rewrites the
/// labels. O(pixels) time; memory one int per pixel plus one per provisional label.
/// </summary>
internal static class ComponentLabeller
{
    /// <summary>Labels the foreground pixels of <paramref name="pixels"/> (row-major) into components.</summary>
    public static ComponentLabels Label<T, TClasses>(
        ReadOnlySpan<T> pixels, int width, int height, TClasses classes, PixelConnectivity connectivity)
        where TClasses : struct, IPixelClasses<T>
    {
        int stride = width + 2;
        int paddedLength = stride * (height + 2);
        int[] labels = ArrayPool<int>.Shared.Rent(paddedLength);
        Array.Clear(labels, 0, paddedLength);
        int[] parent = ArrayPool<int>.Shared.Rent(width * height + 1);
        try
        {
            int provisional = FirstPass(pixels, width, height, classes, connectivity == PixelConnectivity.Eight, labels, parent);
            int count = Flatten(parent, provisional);
            var firstPixel = new int[count + 1];
            var sizes = new int[count + 1];
            int seen = 0;
            for (int row = 0; row < height; row++)
            {
                int j = (row + 1) * stride + 1;
                for (int col = 0; col < width; col++, j++)
                {
                    int l = labels[j];
                    if (l == 0)
                        continue;
                    int id = parent[l];
                    labels[j] = id;
                    sizes[id]++;
                    if (id > seen)
                    {
                        seen = id;
                        firstPixel[id] = row * width + col;
                    }
                }
            }

            return new ComponentLabels(labels, width, height, count, firstPixel, sizes);
        }
        catch
        {
            ArrayPool<int>.Shared.Return(labels);
            throw;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(parent);
        }
    }

    /// <summary>
    /// Groups 4-connected components whose pixels of the same class touch at a corner (diagonal neighbours), as
    /// 8-connectivity joins them. Returns, per component id, a group id numbered 1.. in order of first pixel.
    /// </summary>
    public static int[] GroupDiagonalTouches<T, TClasses>(
        ReadOnlySpan<T> pixels, ComponentLabels components, TClasses classes, out int groupCount)
        where TClasses : struct, IPixelClasses<T>
    {
        int width = components.Width, stride = components.Stride;
        ReadOnlySpan<int> labels = components.Padded;
        var parent = new int[components.Count + 1];
        for (int i = 0; i < parent.Length; i++)
            parent[i] = i;
        for (int row = 1; row < components.Height; row++)
        {
            int j = components.IndexOf(0, row);
            for (int col = 0; col < width; col++, j++)
            {
                int l = labels[j];
                if (l == 0)
                    continue;
                int i = row * width + col;
                int upLeft = labels[j - stride - 1];
                if (upLeft != 0 && upLeft != l && classes.SameClass(pixels[i - width - 1], pixels[i]))
                    Union(parent, l, upLeft);
                int upRight = labels[j - stride + 1];
                if (upRight != 0 && upRight != l && classes.SameClass(pixels[i - width + 1], pixels[i]))
                    Union(parent, l, upRight);
            }
        }

        groupCount = Flatten(parent, components.Count);
        return parent;
    }

    private static int FirstPass<T, TClasses>(
        ReadOnlySpan<T> pixels, int width, int height, TClasses classes, bool eight, int[] labels, int[] parent)
        where TClasses : struct, IPixelClasses<T>
    {
        int stride = width + 2;
        int next = 0;
        for (int row = 0; row < height; row++)
        {
            int i = row * width;
            int j = (row + 1) * stride + 1;
            for (int col = 0; col < width; col++, i++, j++)
            {
                T v = pixels[i];
                if (!classes.IsForeground(v))
                    continue;
                // Border cells hold 0, so a nonzero neighbour label also proves the neighbour index is in range.
                int l = 0;
                int left = labels[j - 1];
                if (left != 0 && classes.SameClass(pixels[i - 1], v))
                    l = left;
                int up = labels[j - stride];
                if (up != 0 && up != l && classes.SameClass(pixels[i - width], v))
                    l = l == 0 ? up : Union(parent, l, up);
                if (eight)
                {
                    int upLeft = labels[j - stride - 1];
                    if (upLeft != 0 && upLeft != l && classes.SameClass(pixels[i - width - 1], v))
                        l = l == 0 ? upLeft : Union(parent, l, upLeft);
                    int upRight = labels[j - stride + 1];
                    if (upRight != 0 && upRight != l && classes.SameClass(pixels[i - width + 1], v))
                        l = l == 0 ? upRight : Union(parent, l, upRight);
                }

                if (l == 0)
                {
                    l = ++next;
                    parent[l] = l;
                }

                labels[j] = l;
            }
        }

        return next;
    }

    /// <summary>Finds the root with path halving; keeps the invariant parent[x] &lt;= x.</summary>
    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>Joins two sets under the smaller root (so roots are the earliest labels) and returns that root.</summary>
    private static int Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra == rb)
            return ra;
        if (ra < rb)
        {
            parent[rb] = ra;
            return ra;
        }

        parent[ra] = rb;
        return rb;
    }

    /// <summary>
    /// Replaces parent[1..count] by compact root numbers 1.. in increasing label order. Relies on parent[x] &lt;= x,
    /// so parent[parent[x]] has already been rewritten when x is visited.
    /// </summary>
    private static int Flatten(int[] parent, int count)
    {
        int roots = 0;
        for (int x = 1; x <= count; x++)
            parent[x] = parent[x] == x ? ++roots : parent[parent[x]];
        return roots;
    }
}
