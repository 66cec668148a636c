namespace Sam.Geo.Tests.Inference;

/// <summary>Small synthetic RGB windows and mask comparisons for the inference tests.</summary>
internal static class Scenes
{
    public static byte[] Noise(int width, int height, int seed)
    {
        var rgb = new byte[width * height * 3];
        new Random(seed).NextBytes(rgb);
        return rgb;
    }

    /// <summary>A background of one colour with an axis-aligned rectangle [x0,x1) × [y0,y1) of another.</summary>
    public static byte[] Square(int width, int height, (byte R, byte G, byte B) background, (byte R, byte G, byte B) square,
        int x0, int y0, int x1, int y1)
    {
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var c = x >= x0 && x < x1 && y >= y0 && y < y1 ? square : background;
                int i = (y * width + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = (c.R, c.G, c.B);
            }
        return rgb;
    }

    /// <summary>Binary mask of the pixels whose centres lie strictly inside the box.</summary>
    public static byte[] BoxMask(int width, int height, double x0, double y0, double x1, double y1)
    {
        var mask = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                if (x + 0.5 > x0 && x + 0.5 < x1 && y + 0.5 > y0 && y + 0.5 < y1) mask[y * width + x] = 1;
        return mask;
    }

    public static double Iou(byte[] a, byte[] b)
    {
        int inter = 0, union = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != 0 && b[i] != 0) inter++;
            if (a[i] != 0 || b[i] != 0) union++;
        }
        return union == 0 ? 1.0 : (double)inter / union;
    }
}
